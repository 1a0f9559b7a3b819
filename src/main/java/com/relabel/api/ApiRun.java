package com.relabel.api;

import com.relabel.training.TrainingRun;
import java.time.Instant;

/**
 * A training run as the REST API shows it; {@code kind} is TRAINED, or IMPORTED for a run made from
 * predictions sent to {@code /predictions}. Poll it until {@code status} is SUCCEEDED, FAILED or
 * CANCELLED; while it runs, {@code phase}, {@code epoch}, {@code progress} (0 to 1) and {@code
 * samplesPerSecond} tell how far it is.
 */
record ApiRun(
    long id,
    long datasetId,
    String kind,
    String status,
    String model,
    Integer epochs,
    Integer batchSize,
    int folds,
    int cleaningRounds,
    Long seed,
    String methods,
    String deviceRequested,
    String deviceUsed,
    String requestedBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String phase,
    Integer epoch,
    Double progress,
    Double samplesPerSecond,
    Integer sampleCount,
    Double heldOutAccuracy,
    Integer estimatedErrors,
    String failureReason) {

  static ApiRun of(TrainingRun run) {
    return new ApiRun(
        run.getId(),
        run.getDatasetId(),
        run.getKind(),
        run.getStatus().name(),
        run.getModel(),
        run.getEpochs(),
        run.getBatchSize(),
        run.getFolds(),
        run.getCleaningRounds(),
        run.getSeed(),
        run.getMethods(),
        run.deviceRequested(),
        run.getDeviceUsed(),
        run.getRequestedBy(),
        run.getCreatedAt(),
        run.getStartedAt(),
        run.getFinishedAt(),
        run.getPhase(),
        run.getCurrentEpoch(),
        run.getProgress(),
        run.getSamplesPerSecond(),
        run.getSampleCount(),
        run.getHeldOutAccuracy(),
        run.getEstimatedErrors(),
        run.getFailureReason());
  }
}

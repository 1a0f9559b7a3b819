package com.relabel.api;

import com.relabel.training.MeasuredYield;
import com.relabel.training.TrainingRun;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A training run as the REST API shows it; {@code kind} is TRAINED, or IMPORTED for a run made from
 * predictions sent to {@code /predictions}. Poll it until {@code status} is SUCCEEDED, FAILED or
 * CANCELLED; while it runs, {@code phase}, {@code epoch}, {@code progress} (0 to 1) and {@code
 * samplesPerSecond} tell how far it is. Once it has succeeded, {@code expectedErrorsTop100} and
 * {@code expectedErrorsTop1000} are the wrong labels it expects among the first 100 and 1,000
 * samples of its queue, and {@code measuredYield} what reviewers found there so far. {@code active}
 * says whether its scores rank the dataset's queue now; a run that finished worse than the active
 * run on held-out accuracy or on reviewers' corrections does not take over by itself and says why
 * in {@code heldBackReason} (decision 0026); {@code POST /runs/{id}/activate} makes it active.
 * {@code epochs} and {@code batchSize} are what the run trains with, {@code epochsAsked} and {@code
 * batchSizeAsked} what it was asked for; they differ where the minimum-steps rule raised a small
 * dataset's run (decisions 0050, 0051).
 */
record ApiRun(
    long id,
    long datasetId,
    String kind,
    String status,
    String model,
    @Schema(
            description =
                "Epochs the run trains with: those asked for, or more for a small dataset (the"
                    + " minimum-steps rule, decision 0050); see epochsAsked")
        Integer epochs,
    @Schema(
            description =
                "Batch size the run trains with: the one asked for, or a smaller one for a small"
                    + " dataset (decision 0050); see batchSizeAsked")
        Integer batchSize,
    @Schema(description = "Epochs asked for when the run was started; a retrain starts from these")
        Integer epochsAsked,
    @Schema(description = "Batch size asked for when the run was started") Integer batchSizeAsked,
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
    @Schema(
            description =
                "Wrong labels the run expects among the first 100 samples of its queue (all of"
                    + " them if fewer), from its own probabilities; null until it succeeds",
            nullable = true)
        Double expectedErrorsTop100,
    @Schema(
            description =
                "Wrong labels the run expects among the first 1,000 samples of its queue (all of"
                    + " them if fewer); null until it succeeds",
            nullable = true)
        Double expectedErrorsTop1000,
    @Schema(
            description =
                "What reviewers found in the run's queue; null for a run that has not succeeded",
            nullable = true)
        ApiMeasuredYield measuredYield,
    @Schema(description = "Whether the run's scores rank the dataset's review queue now")
        boolean active,
    @Schema(
            description =
                "Why the run did not take over the queue when it finished: worse than the active"
                    + " run, e.g. \"held-out accuracy 0.810 < active run #3's 0.870\"; null when"
                    + " it took over or has not succeeded. Kept after an admin activates it",
            nullable = true)
        String heldBackReason,
    String failureReason) {

  /**
   * The run, with {@code measured} (null: not known, or the run has not ranked the queue) and the
   * run that ranks its dataset's queue now ({@code rankingRunId}, null: none).
   */
  static ApiRun of(TrainingRun run, MeasuredYield measured, Long rankingRunId) {
    return new ApiRun(
        run.getId(),
        run.getDatasetId(),
        run.getKind(),
        run.getStatus().name(),
        run.getModel(),
        run.getEpochs(),
        run.getBatchSize(),
        run.getSetup().getEpochs(),
        run.getSetup().getBatchSize(),
        run.getSetup().getFolds(),
        run.getSetup().getCleaningRounds(),
        run.getSetup().getSeed(),
        run.getSetup().getMethods(),
        run.getSetup().getDeviceRequested(),
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
        run.getOutcome().getExpectedErrorsTop100(),
        run.getOutcome().getExpectedErrorsTop1000(),
        measured == null ? null : ApiMeasuredYield.of(measured),
        run.getId().equals(rankingRunId),
        run.getHeldBackReason(),
        run.getFailureReason());
  }
}

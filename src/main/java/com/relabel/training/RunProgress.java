package com.relabel.training;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of a run as it was just written to its row: what the progress panels show. Built from
 * the run itself, so a view needs no query to draw it.
 *
 * @param runId the run
 * @param datasetId its dataset
 * @param status where it stands
 * @param phase what it does now, e.g. "training epoch 3/5", "training fold 2/4 (epoch 1/2)",
 *     "recording dynamics (epoch 3/5)", "scoring"
 * @param epoch the epoch in the current phase, or null
 * @param epochs epochs of the main training
 * @param progress share of the whole run done, 0 to 1
 * @param samplesPerSecond training throughput of the last epoch, or null before the first
 * @param device the device asked for ("auto", "cpu", "gpu") until the run reports the one it used
 * @param startedAt when a worker took the run, or null while queued
 * @param cancelRequested whether an admin asked it to stop
 * @param heldBackReason why the run, finished, does not rank the queue (decision 0026), or null
 */
public record RunProgress(
    long runId,
    long datasetId,
    RunStatus status,
    String phase,
    Integer epoch,
    Integer epochs,
    double progress,
    Double samplesPerSecond,
    String device,
    Instant startedAt,
    boolean cancelRequested,
    String heldBackReason) {

  /** Below this share done the time left is too uncertain to show. */
  static final double MIN_PROGRESS_FOR_ESTIMATE = 0.02;

  /** The snapshot of a run as read from its row. */
  public static RunProgress of(TrainingRun run) {
    return new RunProgress(
        run.getId(),
        run.getDatasetId(),
        run.getStatus(),
        run.getPhase(),
        run.getCurrentEpoch(),
        run.getEpochs(),
        run.getProgress() == null ? 0 : run.getProgress(),
        run.getSamplesPerSecond(),
        run.getDeviceUsed() != null ? run.getDeviceUsed() : run.getSetup().getDeviceRequested(),
        run.getStartedAt(),
        run.isCancelRequested(),
        run.getHeldBackReason());
  }

  /** This snapshot for a run an admin has just made the active ranking: not held back any more. */
  RunProgress activated() {
    return new RunProgress(
        runId,
        datasetId,
        status,
        phase,
        epoch,
        epochs,
        progress,
        samplesPerSecond,
        device,
        startedAt,
        cancelRequested,
        null);
  }

  /**
   * Time left, estimated linearly from the time since the start and the share done; empty while
   * queued, finished, or less than {@value #MIN_PROGRESS_FOR_ESTIMATE} done.
   */
  public java.util.Optional<Duration> timeLeft(Instant now) {
    if (status != RunStatus.RUNNING
        || startedAt == null
        || progress < MIN_PROGRESS_FOR_ESTIMATE
        || progress >= 1) {
      return java.util.Optional.empty();
    }
    double elapsed = Duration.between(startedAt, now).toMillis() / 1000.0;
    return java.util.Optional.of(
        Duration.ofSeconds(Math.round(elapsed * (1 - progress) / progress)));
  }

  /** One line for people: "training epoch 3/5 · 1,234 samples/s · cpu · about 1 min 10 s left". */
  public String describe(Instant now) {
    StringBuilder text = new StringBuilder();
    if (status == RunStatus.QUEUED) {
      text.append("queued");
    } else if (status == RunStatus.SUCCEEDED && heldBackReason != null) {
      text.append("done, not active: ").append(heldBackReason);
    } else {
      text.append(phase == null ? status.name().toLowerCase() : phase);
    }
    if (samplesPerSecond != null && status == RunStatus.RUNNING) {
      text.append(String.format(" · %,.0f samples/s", samplesPerSecond));
    }
    if (device != null) {
      text.append(" · ").append(device);
    }
    timeLeft(now)
        .ifPresent(
            left ->
                text.append(
                    String.format(
                        " · about %d min %02d s left", left.toMinutes(), left.toSecondsPart())));
    return text.toString();
  }
}

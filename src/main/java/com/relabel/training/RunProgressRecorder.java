package com.relabel.training;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a run's progress to its row at most about once a second, so every node can show it. */
class RunProgressRecorder implements TrainingProgress {

  private static final Logger log = LoggerFactory.getLogger(RunProgressRecorder.class);
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

  private final long runId;
  private final int epochs;
  private final int crossValidationEpochs;
  private boolean mainTrainingDone;
  private final BiConsumer<Long, Consumer<TrainingRun>> update;
  private long lastWrite;
  private Double samplesPerSecond;
  private final BooleanSupplier cancelCheck;
  private long lastCancelCheck;
  private boolean cancelRequested;

  RunProgressRecorder(
      long runId,
      int epochs,
      int crossValidationEpochs,
      BiConsumer<Long, Consumer<TrainingRun>> update,
      BooleanSupplier cancelCheck) {
    this.runId = runId;
    this.epochs = epochs;
    this.crossValidationEpochs = crossValidationEpochs;
    this.update = update;
    this.cancelCheck = cancelCheck;
  }

  @Override
  public void onEpoch(EpochStats stats) {
    log.info(
        "Run {} epoch {}/{}: train {} s, inference {} s, {} samples/s, loss {}",
        runId,
        stats.epoch(),
        stats.epochs(),
        String.format("%.1f", stats.trainSeconds()),
        String.format("%.1f", stats.inferenceSeconds()),
        Math.round(stats.samplesPerSecond()),
        String.format("%.4f", stats.trainLoss()));
    samplesPerSecond = stats.samplesPerSecond();
    String phase = phase();
    double done = fraction(stats.epoch(), 0, 1);
    update.accept(runId, run -> run.progress(phase, stats.epoch(), done, samplesPerSecond));
    if (!mainTrainingDone && stats.epoch() == epochs) {
      mainTrainingDone = true;
    }
    lastWrite = System.nanoTime();
  }

  /** Asked before every batch; reads the run's cancel flag at most about once a second. */
  @Override
  public boolean cancelled() {
    long now = System.nanoTime();
    if (now - lastCancelCheck >= MIN_INTERVAL_NANOS) {
      lastCancelCheck = now;
      cancelRequested = cancelCheck.getAsBoolean();
    }
    return cancelRequested;
  }

  private String phase() {
    return mainTrainingDone ? "cross-validation" : "training";
  }

  /**
   * Share of the whole run done, main training then cross-validation; 95% leaves room for scoring.
   */
  private double fraction(int epochsDone, int batch, int batches) {
    double units = epochsDone + (double) batch / batches + (mainTrainingDone ? epochs : 0);
    return 0.95 * units / (epochs + crossValidationEpochs);
  }

  @Override
  public void onBatch(int epoch, int batch, int batches) {
    long now = System.nanoTime();
    if (now - lastWrite < MIN_INTERVAL_NANOS) {
      return;
    }
    lastWrite = now;
    String phase = phase();
    double done = fraction(epoch - 1, batch, batches);
    update.accept(runId, run -> run.progress(phase, epoch, done, samplesPerSecond));
  }
}

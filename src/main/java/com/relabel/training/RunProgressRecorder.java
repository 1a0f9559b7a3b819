package com.relabel.training;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's progress to its row at most about once a second, so every node can show it; the
 * executor hands every write to {@link RunProgressEvents} for this node's views. Phases: "training
 * epoch e/E", "recording dynamics (epoch e/E)" (the inference pass after each main epoch), then,
 * with cross-validation, "training fold i/k (epoch e/F)", then, with the AQUAVS VAE, "training the
 * latent space (epoch e/L)".
 */
class RunProgressRecorder implements TrainingProgress {

  private static final Logger log = LoggerFactory.getLogger(RunProgressRecorder.class);
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

  private final long runId;
  private final int epochs;
  private final int folds;
  private final int foldEpochs;
  private final int crossValidationEpochs;
  private final int latentEpochs;
  private boolean mainTrainingDone;
  private boolean crossValidationDone;
  private final BiConsumer<Long, Consumer<TrainingRun>> update;
  private long lastWrite;
  private Double samplesPerSecond;
  private final BooleanSupplier cancelCheck;
  private long lastCancelCheck;
  private boolean cancelRequested;

  RunProgressRecorder(
      long runId,
      int epochs,
      int folds,
      int foldEpochs,
      BiConsumer<Long, Consumer<TrainingRun>> update,
      BooleanSupplier cancelCheck) {
    this(runId, epochs, folds, foldEpochs, 0, update, cancelCheck);
  }

  /** A recorder for a run that trains the supervised VAE last, {@code latentEpochs} epochs. */
  RunProgressRecorder(
      long runId,
      int epochs,
      int folds,
      int foldEpochs,
      int latentEpochs,
      BiConsumer<Long, Consumer<TrainingRun>> update,
      BooleanSupplier cancelCheck) {
    this.runId = runId;
    this.latentEpochs = latentEpochs;
    this.epochs = epochs;
    this.folds = folds;
    this.foldEpochs = foldEpochs;
    this.crossValidationEpochs = folds * foldEpochs;
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
    String phase = phase(stats.epoch());
    double done = fraction(stats.epoch(), 0, 1);
    Integer epoch = epochInPhase(stats.epoch());
    update.accept(runId, run -> run.progress(phase, epoch, done, samplesPerSecond));
    if (!mainTrainingDone) {
      if (stats.epoch() == epochs) {
        mainTrainingDone = true;
        crossValidationDone = crossValidationEpochs == 0;
      }
    } else if (!crossValidationDone && stats.epoch() == crossValidationEpochs) {
      crossValidationDone = true;
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

  /** The phase while epoch {@code epoch} (from 1, of the current sequence) trains. */
  String phase(int epoch) {
    if (!mainTrainingDone) {
      return "training epoch " + epoch + "/" + epochs;
    }
    if (crossValidationDone) {
      return "training the latent space (epoch " + epoch + "/" + latentEpochs + ")";
    }
    int fold = (epoch - 1) / foldEpochs + 1;
    int inFold = (epoch - 1) % foldEpochs + 1;
    return "training fold " + fold + "/" + folds + " (epoch " + inFold + "/" + foldEpochs + ")";
  }

  private Integer epochInPhase(int epoch) {
    return mainTrainingDone && !crossValidationDone ? (epoch - 1) % foldEpochs + 1 : epoch;
  }

  /**
   * Share of the whole run done, main training, cross-validation, then the VAE; 95% leaves room for
   * scoring.
   */
  private double fraction(int epochsDone, int batch, int batches) {
    double before =
        (mainTrainingDone ? epochs : 0) + (crossValidationDone ? crossValidationEpochs : 0);
    double units = epochsDone + (double) batch / batches + before;
    return 0.95 * units / (epochs + crossValidationEpochs + latentEpochs);
  }

  @Override
  public void onBatch(int epoch, int batch, int batches) {
    long now = System.nanoTime();
    boolean inferenceNext = !mainTrainingDone && batch == batches;
    if (!inferenceNext && now - lastWrite < MIN_INTERVAL_NANOS) {
      return;
    }
    lastWrite = now;
    String phase =
        inferenceNext ? "recording dynamics (epoch " + epoch + "/" + epochs + ")" : phase(epoch);
    double done = fraction(epoch - 1, batch, batches);
    Integer shown = epochInPhase(epoch);
    update.accept(runId, run -> run.progress(phase, shown, done, samplesPerSecond));
  }
}

package com.relabel.training;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.EpochStats;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's progress to its row at most about once a second, so every node can show it; the
 * executor hands every write to {@link RunProgressEvents} for this node's views. Phases, in the
 * order {@link NoiseTrainingPipeline} trains them: "training epoch e/E" with "recording dynamics
 * (epoch e/E)" (the inference pass after each main epoch); with cross-validation "training fold i/k
 * (epoch e/F)"; both again per cleaning round, named "cleaning round r: ..."; with the AQUAVS VAE
 * "training the latent space (epoch e/L)"; with the AUM threshold pass "AUM threshold pass (epoch
 * e/E)". Each sequence numbers its epochs from 1; the recorder counts the finished epochs to know
 * which sequence is running.
 */
class RunProgressRecorder implements TrainingProgress {

  private static final Logger log = LoggerFactory.getLogger(RunProgressRecorder.class);
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

  /** One sequence of epochs of the pipeline. */
  private enum Kind {
    MAIN,
    FOLDS,
    LATENT,
    AUM
  }

  /** A sequence: its kind, its epochs, and the cleaning round it belongs to (0 = the first). */
  private record Stage(Kind kind, int epochs, int round) {}

  private final long runId;
  private final int epochs;
  private final int folds;
  private final int foldEpochs;
  private final List<Stage> stages = new ArrayList<>();
  private final int totalEpochs;
  private int completed;
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
    this(
        runId,
        TrainingOptions.builder()
            .epochs(epochs)
            .batchSize(1)
            .learningRate(1e-3f)
            .seed(0)
            .device(DeviceChoice.CPU)
            .folds(folds, foldEpochs)
            .build(),
        update,
        cancelCheck);
  }

  /** A recorder for a run trained with {@code options}: its stages follow from them. */
  RunProgressRecorder(
      long runId,
      TrainingOptions options,
      BiConsumer<Long, Consumer<TrainingRun>> update,
      BooleanSupplier cancelCheck) {
    this.runId = runId;
    this.epochs = options.epochs();
    this.folds = options.folds();
    this.foldEpochs = options.foldEpochs();
    for (int round = 0; round <= options.cleaningRounds(); round++) {
      stages.add(new Stage(Kind.MAIN, epochs, round));
      if (folds > 0) {
        stages.add(new Stage(Kind.FOLDS, folds * foldEpochs, round));
      }
    }
    if (options.latentEpochs() > 0) {
      stages.add(new Stage(Kind.LATENT, options.latentEpochs(), 0));
    }
    if (options.aumThresholdPass()) {
      stages.add(new Stage(Kind.AUM, epochs, 0));
    }
    this.totalEpochs = stages.stream().mapToInt(Stage::epochs).sum();
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
    Integer epoch = epochInPhase(stats.epoch());
    completed++;
    double done = fraction(0, 1);
    update.accept(runId, run -> run.progress(phase, epoch, done, samplesPerSecond));
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

  /** The stage the next epoch to finish belongs to (the last one once all are done). */
  private Stage current() {
    int before = 0;
    for (Stage stage : stages) {
      before += stage.epochs();
      if (completed < before) {
        return stage;
      }
    }
    return stages.getLast();
  }

  /** The phase while epoch {@code epoch} (from 1, of the current sequence) trains. */
  String phase(int epoch) {
    Stage stage = current();
    String prefix = stage.round() == 0 ? "" : "cleaning round " + stage.round() + ": ";
    return prefix
        + switch (stage.kind()) {
          case MAIN -> "training epoch " + epoch + "/" + epochs;
          case FOLDS -> {
            int fold = (epoch - 1) / foldEpochs + 1;
            int inFold = (epoch - 1) % foldEpochs + 1;
            yield "training fold "
                + fold
                + "/"
                + folds
                + " (epoch "
                + inFold
                + "/"
                + foldEpochs
                + ")";
          }
          case LATENT -> "training the latent space (epoch " + epoch + "/" + stage.epochs() + ")";
          case AUM -> "AUM threshold pass (epoch " + epoch + "/" + epochs + ")";
        };
  }

  private Integer epochInPhase(int epoch) {
    return current().kind() == Kind.FOLDS ? (epoch - 1) % foldEpochs + 1 : epoch;
  }

  /** Share of the whole run done (every stage); 95% leaves room for scoring. */
  private double fraction(int batch, int batches) {
    double units = completed + (double) batch / batches;
    return Math.min(0.95, 0.95 * units / totalEpochs);
  }

  @Override
  public void onBatch(int epoch, int batch, int batches) {
    long now = System.nanoTime();
    boolean inferenceNext = current().kind() == Kind.MAIN && batch == batches;
    if (!inferenceNext && now - lastWrite < MIN_INTERVAL_NANOS) {
      return;
    }
    lastWrite = now;
    String phase =
        inferenceNext ? "recording dynamics (epoch " + epoch + "/" + epochs + ")" : phase(epoch);
    double done = fraction(batch, batches);
    Integer shown = epochInPhase(epoch);
    update.accept(runId, run -> run.progress(phase, shown, done, samplesPerSecond));
  }
}

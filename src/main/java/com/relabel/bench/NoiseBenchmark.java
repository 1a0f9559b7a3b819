package com.relabel.bench;

import com.relabel.dataset.LabeledImages;
import com.relabel.engine.AumThresholdPass;
import com.relabel.engine.CleaningRound;
import com.relabel.engine.CrossValidatedPredictions;
import com.relabel.engine.EpochStats;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.ImageClassifierTrainer;
import com.relabel.engine.LatentSpaceTrainer;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.SplitImages;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoisyLabels;
import com.relabel.scoring.Ranking;
import com.relabel.scoring.TrainingDynamics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The product's own benchmark (docs/methods.md, "Evaluation"): injects seeded noise into a clean
 * labelled dataset, trains once recording the dynamics (plus cross-validated probabilities when
 * {@code folds > 0}, and the supervised VAE's latent means for aquavs when {@code latentEpochs >
 * 0}), scores with every available method and measures how well each finds the flipped samples;
 * then, end to end, the test accuracy of models trained on the noisy labels, on the labels without
 * the ensemble's top {@code k}, with the top {@code k} replaced by the ensemble's suggestions, and
 * on the clean labels; and the yield of a simulated annotator who works down the ensemble's queue
 * answering with the true label.
 */
public final class NoiseBenchmark {

  /**
   * What to run.
   *
   * @param noise the noise to inject
   * @param noiseSeed seeds the noise injection
   * @param training the main run ({@code epochs}, {@code folds}, {@code foldEpochs}, seed, ...)
   * @param evalEpochs epochs of each end-to-end model
   */
  public record Settings(
      NoiseSpec noise, long noiseSeed, TrainingOptions training, int evalEpochs) {
    public Settings {
      Objects.requireNonNull(noise, "noise");
      Objects.requireNonNull(training, "training");
      if (evalEpochs < 1) {
        throw new IllegalArgumentException("eval epochs must be at least 1, was " + evalEpochs);
      }
    }
  }

  /** Test accuracy of a model trained on each label set; NaN where not measured. */
  public record EndToEnd(
      double noisy, double topKRemoved, double topKReplaced, double clean, int evalEpochs) {}

  /** Everything one benchmark run measured. */
  public record Result(
      String dataset,
      int samples,
      int numClasses,
      String noise,
      int flipped,
      TrainingOptions training,
      double trainSeconds,
      double crossValidationSeconds,
      List<MethodRow> methods,
      EndToEnd endToEnd,
      List<ReviewYield> reviews,
      double totalSeconds,
      AumThresholdRow aumThreshold) {

    public Result {
      methods = List.copyOf(methods);
      reviews = List.copyOf(reviews);
    }

    /** k: the number of flipped samples, the cut-off of precision and recall. */
    public int k() {
      return flipped;
    }
  }

  private final PrintStream log;
  private final Path scoresOut;
  private final float[][] neighbourSpace;

  /** A benchmark that logs its progress to {@code log}. */
  public NoiseBenchmark(PrintStream log) {
    this(log, null, null);
  }

  private NoiseBenchmark(PrintStream log, Path scoresOut, float[][] neighbourSpace) {
    this.log = Objects.requireNonNull(log, "log");
    this.scoresOut = scoresOut;
    this.neighbourSpace = neighbourSpace;
  }

  /**
   * This benchmark, searching neighbours among {@code vectors} (one per training sample, a text
   * encoder's) instead of the model's embeddings, as {@link
   * NoiseTrainingPipeline#withNeighbourSpace} does; {@code null} keeps the model's.
   */
  public NoiseBenchmark withNeighbourSpace(float[][] vectors) {
    return new NoiseBenchmark(log, scoresOut, vectors);
  }

  private TrainingDynamics inNeighbourSpace(TrainingDynamics d) {
    return neighbourSpace == null ? d : d.withEmbeddings(neighbourSpace);
  }

  /**
   * This benchmark, also writing every sample's scores to {@code file} ({@link SampleScoresFile});
   * {@code null} writes none.
   */
  public NoiseBenchmark withScoresOut(Path file) {
    return new NoiseBenchmark(log, file, neighbourSpace);
  }

  /**
   * Runs the benchmark on {@code train} (clean labels) and, when not {@code null}, measures end to
   * end on {@code test}.
   */
  public Result run(LabeledImages train, LabeledImages test, String datasetName, Settings s) {
    long begin = System.nanoTime();
    var models = new ComparisonModels(log);
    float[][] weakModel = s.noise().needsWeakModel() ? models.weakModel(train, s) : null;
    NoisyLabels noisy =
        s.noise().inject(train.labels(), train.numClasses(), s.noiseSeed(), weakModel);
    int flipped = noisy.flippedCount();
    log.printf(
        Locale.ROOT,
        "%s: %,d samples, %d classes; noise %s flipped %,d labels%n",
        datasetName,
        train.count(),
        train.numClasses(),
        s.noise().describe(),
        flipped);
    LabeledImages noisyData = train.withLabels(noisy.noisy());
    TrainingOptions options = s.training();

    long t0 = System.nanoTime();
    TrainingResult result =
        new ImageClassifierTrainer().train(noisyData, options, progress("train"));
    double trainSeconds = seconds(t0);
    TrainingDynamics dynamics = inNeighbourSpace(result.dynamics());
    double cvSeconds = Double.NaN;
    if (options.folds() > 0) {
      t0 = System.nanoTime();
      dynamics = withHeldOut(dynamics, noisyData, options);
      cvSeconds = seconds(t0);
      log.printf(Locale.ROOT, "%d-fold cross-validation took %.1f s%n", options.folds(), cvSeconds);
    }

    boolean[] wrong = noisy.flipped();
    for (int round = 1; round <= options.cleaningRounds(); round++) {
      boolean[] suspects = CleaningRound.suspects(dynamics);
      int count = 0;
      int hits = 0;
      for (int i = 0; i < suspects.length; i++) {
        count += suspects[i] ? 1 : 0;
        hits += suspects[i] && wrong[i] ? 1 : 0;
      }
      log.printf(
          Locale.ROOT,
          "cleaning round %d: %,d suspects held out of training, %,d of them flipped%n",
          round,
          count,
          hits);
      t0 = System.nanoTime();
      dynamics =
          inNeighbourSpace(
              new ImageClassifierTrainer()
                  .train(
                      new SplitImages(noisyData, HeldOutSplit.NONE.plus(suspects)),
                      options,
                      progress("round " + round))
                  .dynamics());
      trainSeconds += seconds(t0);
      if (options.folds() > 0) {
        t0 = System.nanoTime();
        float[][] outOfSample =
            new CrossValidatedPredictions()
                .predict(
                    noisyData,
                    options.folds(),
                    options,
                    progress("round " + round + " cv"),
                    suspects);
        dynamics = dynamics.withHeldOutProbabilities(outOfSample);
        cvSeconds += seconds(t0);
      }
    }
    // after the rounds, as in NoiseTrainingPipeline: a round's new dynamics would drop them
    if (options.latentEpochs() > 0) {
      t0 = System.nanoTime();
      float[][] latentMeans =
          new LatentSpaceTrainer().latentMeans(noisyData, options, progress("latent space (VAE)"));
      dynamics = dynamics.withLatentMeans(latentMeans);
      log.printf(
          Locale.ROOT,
          "supervised VAE, %d epochs, took %.1f s%n",
          options.latentEpochs(),
          seconds(t0));
    }
    AumThresholdRow aumThreshold = null;
    if (options.aumThresholdPass()) {
      t0 = System.nanoTime();
      AumCutoff cut =
          new AumThresholdPass()
              .run(noisyData, options, dynamics.margin(), progress("AUM threshold pass"));
      aumThreshold = AumThresholdRow.of(cut, wrong, seconds(t0));
      log.printf(
          Locale.ROOT,
          "AUM threshold pass: cut-off %.4f, %,d flagged (%.1f s)%n",
          cut.cutoff(),
          cut.flaggedCount(),
          aumThreshold.seconds());
    }
    int[] truth = train.labels();
    var measured = DetectionMeasures.scoreEveryMethod(dynamics, wrong, truth, flipped);
    List<MethodScores> scored = measured.scored();
    MethodScores ensemble = measured.ensemble();
    List<MethodRow> rows = measured.rows();
    int[] queue = Ranking.mostSuspiciousFirst(ensemble.scores());
    List<ReviewYield> reviews = DetectionMeasures.reviews(queue, wrong, flipped);
    if (scoresOut != null) {
      SampleScoresFile.write(scoresOut, dynamics, truth, wrong, ensemble, scored);
      log.println("Wrote every sample's scores to " + scoresOut);
    }
    EndToEnd endToEnd =
        test == null
            ? new EndToEnd(Double.NaN, Double.NaN, Double.NaN, Double.NaN, s.evalEpochs())
            : models.endToEnd(train, noisy, test, queue, ensemble, flipped, s);
    return new Result(
        datasetName,
        train.count(),
        train.numClasses(),
        s.noise().describe(),
        flipped,
        options,
        trainSeconds,
        cvSeconds,
        rows,
        endToEnd,
        reviews,
        seconds(begin),
        aumThreshold);
  }

  private TrainingDynamics withHeldOut(
      TrainingDynamics d, LabeledImages noisyData, TrainingOptions options) {
    float[][] heldOut =
        new CrossValidatedPredictions()
            .predict(noisyData, options.folds(), options, progress("cross-validation"));
    return d.withHeldOutProbabilities(heldOut);
  }

  private TrainingProgress progress(String stage) {
    return progress(log, stage);
  }

  /** Logs each epoch of {@code stage} to {@code log}. */
  static TrainingProgress progress(PrintStream log, String stage) {
    return (EpochStats e) ->
        log.printf(
            Locale.ROOT,
            "%s epoch %d/%d: train %.1f s (%.0f samples/s), inference %.1f s, loss %.4f%n",
            stage,
            e.epoch(),
            e.epochs(),
            e.trainSeconds(),
            e.samplesPerSecond(),
            e.inferenceSeconds(),
            e.trainLoss());
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

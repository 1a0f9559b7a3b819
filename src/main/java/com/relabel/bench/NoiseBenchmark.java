package com.relabel.bench;

import com.relabel.dataset.LabeledImages;
import com.relabel.engine.AumThresholdPass;
import com.relabel.engine.CleaningRound;
import com.relabel.engine.CrossValidatedPredictions;
import com.relabel.engine.EpochStats;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.ImageClassifierTrainer;
import com.relabel.engine.LatentSpaceTrainer;
import com.relabel.engine.ModelKind;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.Evaluation;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoiseScorer;
import com.relabel.scoring.NoisyLabels;
import com.relabel.scoring.RankAverageEnsemble;
import com.relabel.scoring.Ranking;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.Suggestions;
import com.relabel.scoring.TrainingDynamics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * One method's detection quality; metrics are NaN when there is no flipped sample.
   *
   * @param suggestionAccuracy share of the truly flipped samples whose suggested label is the true
   *     one; NaN when the method has no suggestions
   * @param scoringMillis wall time of this method's scoring (the ensemble: combining the ranks)
   * @param peakHeapBytes peak Java heap while it scored (includes what was already held: data set
   *     and dynamics)
   */
  public record MethodRow(
      String method,
      double auroc,
      double averagePrecision,
      double precisionAtK,
      double recallAtK,
      double precisionAt100,
      double precisionAt500,
      double precisionAt1000,
      double suggestionAccuracy,
      double scoringMillis,
      long peakHeapBytes) {}

  /** Test accuracy of a model trained on each label set; NaN where not measured. */
  public record EndToEnd(
      double noisy, double topKRemoved, double topKReplaced, double clean, int evalEpochs) {}

  /** After {@code reviews} items of the ensemble's queue, {@code errorsFound} were wrong labels. */
  public record ReviewYield(int reviews, int errorsFound) {
    public double per100() {
      return 100.0 * errorsFound / reviews;
    }
  }

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

    /** A result without the AUM threshold pass. */
    public Result(
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
        double totalSeconds) {
      this(
          dataset,
          samples,
          numClasses,
          noise,
          flipped,
          training,
          trainSeconds,
          crossValidationSeconds,
          methods,
          endToEnd,
          reviews,
          totalSeconds,
          null);
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

  /** The methods to compare: every method whose inputs the dynamics hold. */
  static ScorerRegistry registryFor(TrainingDynamics dynamics) {
    return ScorerRegistry.forDynamics(dynamics);
  }

  /**
   * Runs the benchmark on {@code train} (clean labels) and, when not {@code null}, measures end to
   * end on {@code test}.
   */
  public Result run(LabeledImages train, LabeledImages test, String datasetName, Settings s) {
    long begin = System.nanoTime();
    float[][] weakModel = s.noise().needsWeakModel() ? weakModel(train, s) : null;
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
                      noisyData,
                      HeldOutSplit.NONE.plus(suspects),
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
    List<MethodScores> scored = new ArrayList<>();
    List<MethodRow> rows = new ArrayList<>();
    PeakHeap heap = new PeakHeap();
    for (NoiseScorer scorer : registryFor(dynamics).scorers()) {
      heap.start();
      long m0 = System.nanoTime();
      MethodScores scores = scorer.score(dynamics);
      double millis = (System.nanoTime() - m0) / 1e6;
      long peak = heap.peak();
      scored.add(scores);
      rows.add(row(scores, wrong, truth, flipped, millis, peak));
    }
    heap.start();
    long e0 = System.nanoTime();
    MethodScores ensemble =
        RankAverageEnsemble.standard().combine(scored, Suggestions.ensemble(dynamics));
    double ensembleMillis = (System.nanoTime() - e0) / 1e6;
    rows.addFirst(row(ensemble, wrong, truth, flipped, ensembleMillis, heap.peak()));

    int[] queue = Ranking.mostSuspiciousFirst(ensemble.scores());
    List<ReviewYield> reviews = reviews(queue, wrong, flipped);
    if (scoresOut != null) {
      SampleScoresFile.write(scoresOut, dynamics, truth, wrong, ensemble, scored);
      log.println("Wrote every sample's scores to " + scoresOut);
    }
    EndToEnd endToEnd =
        test == null
            ? new EndToEnd(Double.NaN, Double.NaN, Double.NaN, Double.NaN, s.evalEpochs())
            : endToEnd(train, noisy, test, queue, ensemble, flipped, s);
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

  /**
   * The probabilities of a weak model, whose confusions instance-dependent noise copies: a {@link
   * ModelKind#LENET} after {@link NoiseSpec#WEAK_MODEL_EPOCHS} epoch(s) on the clean labels,
   * predicting every sample. The weak model is fixed, whatever network is benchmarked, so that the
   * noise, and with it the figures of different networks, stay comparable.
   */
  private float[][] weakModel(LabeledImages train, Settings s) {
    long t0 = System.nanoTime();
    TrainingOptions weak =
        s.training().toBuilder()
            .epochs(NoiseSpec.WEAK_MODEL_EPOCHS)
            .model(ModelKind.LENET)
            .folds(0, 1)
            .seed(s.noiseSeed() + 7919)
            .build();
    int[] all = range(train.count());
    float[][] p =
        new ImageClassifierTrainer()
            .trainAndPredict(train, all, train, all, weak, progress("weak model"));
    log.printf(Locale.ROOT, "weak model for instance-dependent noise: %.1f s%n", seconds(t0));
    return p;
  }

  private TrainingDynamics withHeldOut(
      TrainingDynamics d, LabeledImages noisyData, TrainingOptions options) {
    float[][] heldOut =
        new CrossValidatedPredictions()
            .predict(noisyData, options.folds(), options, progress("cross-validation"));
    return d.withHeldOutProbabilities(heldOut);
  }

  private static MethodRow row(
      MethodScores scores,
      boolean[] wrong,
      int[] truth,
      int flipped,
      double millis,
      long peakHeap) {
    double[] s = scores.scores();
    boolean measurable = flipped > 0 && flipped < s.length;
    double suggestion =
        scores.suggestedLabels() == null || flipped == 0
            ? Double.NaN
            : Evaluation.suggestionAccuracy(scores.suggestedLabels(), truth, wrong);
    return new MethodRow(
        scores.method(),
        measurable ? Evaluation.auroc(s, wrong) : Double.NaN,
        measurable ? Evaluation.averagePrecision(s, wrong) : Double.NaN,
        measurable ? Evaluation.precisionAtK(s, wrong, flipped) : Double.NaN,
        measurable ? Evaluation.recallAtK(s, wrong, flipped) : Double.NaN,
        precisionAtDepth(s, wrong, 100),
        precisionAtDepth(s, wrong, 500),
        precisionAtDepth(s, wrong, 1000),
        suggestion,
        millis,
        peakHeap);
  }

  /** Precision in the first {@code depth} of the queue; NaN when there are fewer samples. */
  static double precisionAtDepth(double[] scores, boolean[] wrong, int depth) {
    return scores.length < depth ? Double.NaN : Evaluation.precisionAtK(scores, wrong, depth);
  }

  /**
   * A simulated annotator's finds after 100, 1000 and k reviews (each capped at n, no repeats), in
   * ascending order of reviews.
   */
  static List<ReviewYield> reviews(int[] queue, boolean[] wrong, int k) {
    List<ReviewYield> out = new ArrayList<>();
    for (int depth : new int[] {100, 1000, k}) {
      int m = Math.min(depth, queue.length);
      if (m < 1 || out.stream().anyMatch(r -> r.reviews() == m)) {
        continue;
      }
      int found = 0;
      for (int j = 0; j < m; j++) {
        found += wrong[queue[j]] ? 1 : 0;
      }
      out.add(new ReviewYield(m, found));
    }
    out.sort(Comparator.comparingInt(ReviewYield::reviews));
    return out;
  }

  private EndToEnd endToEnd(
      LabeledImages train,
      NoisyLabels noisy,
      LabeledImages test,
      int[] queue,
      MethodScores ensemble,
      int k,
      Settings s) {
    TrainingOptions eval = s.training().toBuilder().epochs(s.evalEpochs()).folds(0, 1).build();
    int n = train.count();
    int[] all = range(n);
    double onNoisy = testAccuracy(train.withLabels(noisy.noisy()), all, test, eval, "noisy");
    double removed = Double.NaN;
    double replaced = Double.NaN;
    if (k > 0 && k < n) {
      boolean[] dropped = new boolean[n];
      int[] corrected = noisy.noisy().clone();
      for (int j = 0; j < k; j++) {
        dropped[queue[j]] = true;
        corrected[queue[j]] = ensemble.suggestedLabels()[queue[j]];
      }
      int[] kept = new int[n - k];
      int at = 0;
      for (int i = 0; i < n; i++) {
        if (!dropped[i]) {
          kept[at++] = i;
        }
      }
      LabeledImages noisyData = train.withLabels(noisy.noisy());
      removed = testAccuracy(noisyData, kept, test, eval, "top-k removed");
      replaced = testAccuracy(train.withLabels(corrected), all, test, eval, "top-k replaced");
    }
    double clean = testAccuracy(train, all, test, eval, "clean");
    return new EndToEnd(onNoisy, removed, replaced, clean, s.evalEpochs());
  }

  private double testAccuracy(
      LabeledImages data, int[] indices, LabeledImages test, TrainingOptions eval, String what) {
    long t0 = System.nanoTime();
    float[][] p =
        new ImageClassifierTrainer()
            .trainAndPredict(data, indices, test, range(test.count()), eval, progress(what));
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      correct += best == test.labels()[i] ? 1 : 0;
    }
    double accuracy = (double) correct / p.length;
    log.printf(
        Locale.ROOT,
        "end to end, %s labels: test accuracy %.4f (%.1f s)%n",
        what,
        accuracy,
        seconds(t0));
    return accuracy;
  }

  private TrainingProgress progress(String stage) {
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

  private static int[] range(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

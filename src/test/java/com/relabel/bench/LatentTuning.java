package com.relabel.bench;

import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.CrossValidatedPredictions;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ImageClassifierTrainer;
import com.relabel.engine.LatentSpaceTrainer;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import com.relabel.scoring.Evaluation;
import com.relabel.scoring.LatentOutlierScorer;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoiseScorer;
import com.relabel.scoring.NoisyLabels;
import com.relabel.scoring.RankAverageEnsemble;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.Suggestions;
import com.relabel.scoring.TrainingDynamics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tunes the AQUAVS VAE by hand (not run by the build): trains the main model and the
 * cross-validation once, then for every VAE setting reports the aquavs row and the ensemble with
 * and without it.
 *
 * <p>Arguments: {@code samples noise(symmetric|asymmetric) rate setting...}, each setting {@code
 * latentSize:weightPerValue:epochs:alpha}.
 */
public final class LatentTuning {

  private LatentTuning() {}

  public static void main(String[] args) {
    int samples = Integer.parseInt(args[0]);
    NoiseSpec spec =
        args[1].equals("asymmetric")
            ? NoiseSpec.asymmetric(Double.parseDouble(args[2]), NoiseSpec.MNIST_TRANSITIONS)
            : NoiseSpec.symmetric(Double.parseDouble(args[2]));
    LabeledImages clean = BundledMnist.train().head(samples);
    NoisyLabels noisy = spec.inject(clean.labels(), clean.numClasses(), 42);
    LabeledImages data = clean.withLabels(noisy.noisy());
    boolean[] wrong = noisy.flipped();
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(4)
            .batchSize(128)
            .seed(42)
            .device(DeviceChoice.CPU)
            .folds(4, 2)
            .build();
    long t0 = System.nanoTime();
    if (Boolean.getBoolean("vaeOnly")) {
      vaeOnly(data, noisy.noisy(), wrong, clean.labels(), options, args);
      return;
    }
    TrainingDynamics base =
        new ImageClassifierTrainer().train(data, options, TrainingProgress.none()).dynamics();
    if (!args[1].equals("none")) {
      base =
          base.withHeldOutProbabilities(
              new CrossValidatedPredictions().predict(data, 4, options, TrainingProgress.none()));
    }
    System.out.printf(Locale.ROOT, "main + cv: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    List<MethodScores> without = new ArrayList<>();
    for (NoiseScorer scorer : ScorerRegistry.forDynamics(base).scorers()) {
      without.add(scorer.score(base));
    }
    report("ensemble without", ensemble(without, base), wrong, clean.labels());
    for (int a = 3; a < args.length; a++) {
      String[] p = args[a].split(":");
      int latent = Integer.parseInt(p[0]);
      float weight = Float.parseFloat(p[1]);
      int epochs = Integer.parseInt(p[2]);
      double alpha = Double.parseDouble(p[3]);
      t0 = System.nanoTime();
      float[][] means =
          new LatentSpaceTrainer(latent, weight)
              .latentMeans(
                  data, options.toBuilder().latentEpochs(epochs).build(), TrainingProgress.none());
      double seconds = (System.nanoTime() - t0) / 1e9;
      TrainingDynamics d = base.withLatentMeans(means);
      MethodScores aquavs = new LatentOutlierScorer(alpha).score(d);
      List<MethodScores> with = new ArrayList<>(without);
      with.add(aquavs);
      System.out.printf(Locale.ROOT, "setting %s: VAE %.1f s%n", args[a], seconds);
      report("  aquavs", aquavs, wrong, clean.labels());
      report("  ensemble with", ensemble(with, d), wrong, clean.labels());
    }
  }

  /** Only the VAE and the aquavs row, no classifier (system property {@code vaeOnly}). */
  private static void vaeOnly(
      LabeledImages data,
      int[] given,
      boolean[] wrong,
      int[] truth,
      TrainingOptions options,
      String[] args) {
    int n = given.length;
    float[][] perEpoch = new float[1][n];
    float[][] probabilities = new float[n][data.numClasses()];
    for (int i = 0; i < n; i++) {
      probabilities[i][given[i]] = 1f;
    }
    TrainingDynamics plain =
        TrainingDynamics.builder()
            .givenLabels(given)
            .numClasses(data.numClasses())
            .probGiven(perEpoch)
            .predicted(new int[][] {given.clone()})
            .margin(perEpoch)
            .loss(perEpoch)
            .finalProbabilities(probabilities)
            .build();
    for (int a = 3; a < args.length; a++) {
      String[] p = args[a].split(":");
      long t0 = System.nanoTime();
      float[][] means =
          new LatentSpaceTrainer(Integer.parseInt(p[0]), Float.parseFloat(p[1]))
              .latentMeans(
                  data,
                  options.toBuilder().latentEpochs(Integer.parseInt(p[2])).build(),
                  e ->
                      System.out.printf(
                          Locale.ROOT,
                          "  VAE epoch %d: %.1f s train, %.1f s encode%n",
                          e.epoch(),
                          e.trainSeconds(),
                          e.inferenceSeconds()));
      System.out.printf(
          Locale.ROOT, "setting %s: VAE %.1f s%n", args[a], (System.nanoTime() - t0) / 1e9);
      TrainingDynamics d = plain.withLatentMeans(means);
      report("  aquavs", new LatentOutlierScorer(Double.parseDouble(p[3])).score(d), wrong, truth);
    }
  }

  private static MethodScores ensemble(List<MethodScores> methods, TrainingDynamics d) {
    return RankAverageEnsemble.equalWeights().combine(methods, Suggestions.finalPrediction(d));
  }

  private static void report(String name, MethodScores s, boolean[] wrong, int[] truth) {
    int k = 0;
    for (boolean w : wrong) {
      k += w ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%s: AUROC %.4f AP %.4f P@k %.4f suggestion %.4f%n",
        name,
        Evaluation.auroc(s.scores(), wrong),
        Evaluation.averagePrecision(s.scores(), wrong),
        Evaluation.precisionAtK(s.scores(), wrong, k),
        Evaluation.suggestionAccuracy(s.suggestedLabels(), truth, wrong));
  }
}

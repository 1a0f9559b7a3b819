package com.relabel.bench;

import com.relabel.training.ScoreRows;
import java.util.SplittableRandom;

/**
 * Every value of a {@link SyntheticQueue}, by sample index, drawn once from its seed so that the
 * tables agree with each other.
 */
record SyntheticRows(
    int[] given,
    int[] suggested,
    double[] score,
    double[] probability,
    double[] confidence,
    double[] variability,
    double[][] methodScore,
    double flagThreshold)
    implements ScoreRows.SampleScores {

  private static final int SIDE = SyntheticQueue.SIDE;

  static SyntheticRows draw(SyntheticQueue.Spec spec) {
    int n = spec.samples();
    var random = new SplittableRandom(spec.seed());
    int[] given = new int[n];
    int[] suggested = new int[n];
    double[] score = new double[n];
    double[] probability = new double[n];
    double[] confidence = new double[n];
    double[] variability = new double[n];
    double[][] methodScore = new double[SyntheticQueue.METHODS.size()][n];
    for (int i = 0; i < n; i++) {
      boolean noisy = random.nextDouble() < spec.noiseRate();
      int label = random.nextInt(spec.numClasses());
      given[i] = label;
      if (noisy) {
        int other = random.nextInt(spec.numClasses() - 1);
        suggested[i] = other >= label ? other + 1 : other;
        score[i] = 0.6 + 0.4 * random.nextDouble();
        probability[i] = 0.5 + 0.5 * random.nextDouble();
      } else {
        suggested[i] = label;
        score[i] = 0.7 * random.nextDouble() * random.nextDouble();
        probability[i] = 0.6 + 0.4 * random.nextDouble();
      }
      confidence[i] = Math.clamp(1 - score[i] + 0.1 * (random.nextDouble() - 0.5), 0, 1);
      variability[i] = 0.4 * random.nextDouble() * (1 - Math.abs(2 * confidence[i] - 1));
      for (int m = 0; m < SyntheticQueue.METHODS.size(); m++) {
        methodScore[m][i] = score[i] + 0.2 * (random.nextDouble() - 0.5);
      }
    }
    return new SyntheticRows(
        given, suggested, score, probability, confidence, variability, methodScore, 0.8);
  }

  int count() {
    return given.length;
  }

  @Override
  public double score(int i) {
    return score[i];
  }

  @Override
  public int suggestedLabel(int i) {
    return suggested[i];
  }

  @Override
  public double suggestedProbability(int i) {
    return probability[i];
  }

  @Override
  public double confidence(int i) {
    return confidence[i];
  }

  @Override
  public double variability(int i) {
    return variability[i];
  }

  /** The share of epochs the sample was predicted right: here simply 1 - score. */
  @Override
  public double correctness(int i) {
    return 1 - score[i];
  }

  /** No AUM threshold pass: the column stays null. */
  @Override
  public Boolean aumBelowCutoff(int i) {
    return null;
  }

  /** The methods whose score is in their "suspicious" band, comma-separated. */
  @Override
  public String flaggedBy(int i) {
    var flagged = new StringBuilder();
    for (int m = 0; m < SyntheticQueue.METHODS.size(); m++) {
      if (methodScore[m][i] >= flagThreshold) {
        if (!flagged.isEmpty()) {
          flagged.append(',');
        }
        flagged.append(SyntheticQueue.METHODS.get(m));
      }
    }
    return flagged.toString();
  }

  @Override
  public String region(int i) {
    if (variability[i] >= 0.15) {
      return "AMBIGUOUS";
    }
    return confidence[i] >= 0.5 ? "EASY" : "HARD";
  }

  /** A smooth grey blob whose position depends on the sample: enough to tell images apart. */
  static byte[] pixels(long seed, int index) {
    var random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
    int cx = 6 + random.nextInt(SIDE - 12);
    int cy = 6 + random.nextInt(SIDE - 12);
    byte[] image = new byte[SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        image[y * SIDE + x] = (byte) Math.max(0, 255 - 12 * d2);
      }
    }
    return image;
  }
}

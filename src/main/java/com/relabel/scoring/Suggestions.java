package com.relabel.scoring;

/**
 * A suggested label per sample with the probability the model gives it.
 *
 * <p>The default suggestion is the model's own final-epoch prediction, {@code argmax_k p(k|x_i)},
 * with that probability as its confidence. Methods that cannot propose a label of their own
 * (training loss, cartography, AUM, the ensemble) attach these, so a caller always has a suggestion
 * to show next to a flagged sample.
 *
 * @param labels the suggested class of each sample, in {@code [0, K)}
 * @param confidence the probability of each suggested class, in {@code [0, 1]}
 */
public record Suggestions(int[] labels, double[] confidence) {

  /** Checks that there is one confidence per label. */
  public Suggestions {
    if (labels.length != confidence.length) {
      throw new IllegalArgumentException("one confidence per suggested label expected");
    }
  }

  /**
   * The argmax of each sample's final-epoch probability vector and its probability. Ties go to the
   * lowest class index.
   */
  public static Suggestions finalPrediction(TrainingDynamics dynamics) {
    float[][] probabilities = dynamics.finalProbabilities();
    int n = probabilities.length;
    int[] labels = new int[n];
    double[] confidence = new double[n];
    for (int i = 0; i < n; i++) {
      float[] row = probabilities[i];
      int best = 0;
      for (int k = 1; k < row.length; k++) {
        if (row[k] > row[best]) {
          best = k;
        }
      }
      labels[i] = best;
      confidence[i] = row.length == 0 ? 0 : row[best];
    }
    return new Suggestions(labels, confidence);
  }

  /**
   * The ensemble's suggestion: the final-epoch prediction, except where that prediction agrees with
   * the given label and the out-of-sample (cross-validated) prediction does not. There the model
   * has most likely memorised the given label — a wrong label it was trained on looks right to it —
   * and the out-of-sample argmax, with its out-of-sample probability, is the better guess. On a
   * truly wrong label this can only help: the final prediction it replaces equals the given, wrong
   * label. Without held-out probabilities it is {@link #finalPrediction}.
   */
  public static Suggestions ensemble(TrainingDynamics dynamics) {
    Suggestions fin = finalPrediction(dynamics);
    float[][] heldOut = dynamics.heldOutProbabilities();
    if (heldOut == null || heldOut == dynamics.finalProbabilities()) {
      return fin;
    }
    int[] given = dynamics.givenLabels();
    int[] labels = fin.labels().clone();
    double[] confidence = fin.confidence().clone();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != given[i]) {
        continue;
      }
      float[] row = heldOut[i];
      int best = 0;
      for (int k = 1; k < row.length; k++) {
        if (row[k] > row[best]) {
          best = k;
        }
      }
      if (best != given[i]) {
        labels[i] = best;
        confidence[i] = row[best];
      }
    }
    return new Suggestions(labels, confidence);
  }

  /** The number of samples whose suggested label differs from the given label. */
  public int disagreementsWith(int[] givenLabels) {
    if (givenLabels.length != labels.length) {
      throw new IllegalArgumentException("one given label per suggestion expected");
    }
    int count = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != givenLabels[i]) {
        count++;
      }
    }
    return count;
  }

  /** Packs a method's scores together with these suggestions. */
  public MethodScores withScores(String method, double[] scores) {
    return new MethodScores(method, scores, labels, confidence);
  }
}

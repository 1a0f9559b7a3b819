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
   * The ensemble's suggestion: the most probable class other than the given label under the mean of
   * the final and the out-of-sample probabilities, with that mean probability (the final ones alone
   * without cross-validation), as {@link MarginScorer} computes it. A reviewer looks at a queued
   * sample because its label may be wrong, and the class to correct it to is never the given one;
   * on the true errors of look-alike and instance-dependent noise this is right far more often than
   * either model's argmax (decision 0023, which replaces 0022's rule). A clean sample's suggestion
   * is then a class the model finds unlikely, shown with its low probability; Enter confirms the
   * given label.
   */
  public static Suggestions ensemble(TrainingDynamics dynamics) {
    MethodScores margin = new MarginScorer().score(dynamics);
    return new Suggestions(margin.suggestedLabels(), margin.suggestionConfidence());
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

package com.relabel.scoring;

/**
 * The normalized margin of two models' averaged probabilities (docs/methods.md, "margin"): score
 * {@code max_{k != y} pbar(k | x) - pbar(y | x)} in {@code [-1, 1]}, where {@code pbar} is the mean
 * of the main run's final-epoch probabilities and the out-of-sample (cross-validated) ones. Higher
 * means another class beats the given label by more.
 *
 * <p>Why a margin: {@code 1 - p(y)} (confident learning's self-confidence) ranks a sample that the
 * model spreads over three classes as high as one that it gives confidently to a single other
 * class. Hard but correctly labelled samples are of the first kind, wrong labels of the second, so
 * the margin keeps hard samples out of the top of the queue (the negated "normalized margin" label
 * quality score of cleanlab, {@code p(y) - max_{k != y} p(k)}; Northcutt, Athalye and Mueller,
 * "Pervasive Label Errors in Test Sets Destabilize Machine Learning Benchmarks", NeurIPS 2021
 * Datasets and Benchmarks). Why the average: the main model has seen every label it is asked about,
 * the cross-validated models have not, but each trained on less data and for fewer epochs. The two
 * err differently, and their mean is a small ensemble of models that ranks better than either
 * (docs/benchmarks.md). After a cleaning round the main run never trained on the suspects either,
 * so its final probabilities of exactly the samples at the top of the queue are out-of-sample too.
 * Without cross-validated probabilities the final ones are used alone.
 *
 * <p>The suggestion is the most probable class other than the given label, with its averaged
 * probability: the class a reviewer would correct a wrong label to. {@code O(n K)}.
 */
public final class MarginScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "margin";

  /** Creates the scorer; it holds no state. */
  public MarginScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    int[] given = dynamics.givenLabels();
    int n = given.length;
    double[] scores = new double[n];
    int[] suggested = new int[n];
    double[] confidence = new double[n];
    double[] mean = new double[dynamics.numClasses()];
    for (int i = 0; i < n; i++) {
      averaged(dynamics, i, mean);
      int y = given[i];
      if (y < 0 || y >= mean.length) {
        throw new IllegalArgumentException("label " + y + " of sample " + i + " is out of range");
      }
      int other = y == 0 ? 1 : 0;
      for (int k = 0; k < mean.length; k++) {
        if (k != y && mean[k] > mean[other]) {
          other = k;
        }
      }
      scores[i] = mean[other] - mean[y];
      suggested[i] = other;
      confidence[i] = mean[other];
    }
    return new MethodScores(NAME, scores, suggested, confidence);
  }

  /**
   * Sample {@code i}'s mean of the final and the out-of-sample probabilities into {@code out} (the
   * final ones alone when there are no out-of-sample ones).
   */
  static void averaged(TrainingDynamics dynamics, int i, double[] out) {
    float[] last = dynamics.finalProbabilities()[i];
    float[][] heldOut = dynamics.heldOutProbabilities();
    float[] unseen =
        heldOut == null || heldOut == dynamics.finalProbabilities() ? null : heldOut[i];
    if (last.length != out.length || (unseen != null && unseen.length != out.length)) {
      throw new IllegalArgumentException(
          "sample " + i + " has a probability vector of another length than " + out.length);
    }
    for (int k = 0; k < out.length; k++) {
      out[k] = unseen == null ? last[k] : (last[k] + unseen[k]) / 2.0;
    }
  }
}

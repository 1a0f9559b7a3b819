package com.relabel.scoring;

/**
 * Confident learning as a ranking (Northcutt, Jiang and Chuang, JAIR 2021; see {@link
 * ConfidentLearning}): score = {@code 1 - p(y_i|x_i)}, one minus the self-confidence, cleanlab's
 * default label-quality score.
 *
 * <p>The probabilities are the out-of-sample ones from k-fold cross-validation ({@code
 * heldOutProbabilities}) when the dynamics carry them, else the final-epoch probabilities, which
 * are in-sample and therefore overconfident: a model that has partly memorised a wrong label gives
 * it a high probability, so flips then score lower than they should. The suggestion is the argmax
 * of the same probabilities (ties: lower class) with its probability. For the issue set, the error
 * count and the noise matrix, use {@link ConfidentLearning#of}.
 */
public final class ConfidentLearningScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "cl";

  /** Creates the scorer; it holds no state. */
  public ConfidentLearningScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    float[][] probabilities = ConfidentLearning.probabilitiesOf(dynamics);
    int[] given = dynamics.givenLabels();
    int n = given.length;
    double[] scores = new double[n];
    int[] suggested = new int[n];
    double[] confidence = new double[n];
    for (int i = 0; i < n; i++) {
      float[] p = probabilities[i];
      if (given[i] < 0 || given[i] >= p.length) {
        throw new IllegalArgumentException(
            "label " + given[i] + " of sample " + i + " is out of range");
      }
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
      }
      scores[i] = 1.0 - p[given[i]];
      suggested[i] = best;
      confidence[i] = p[best];
    }
    return new MethodScores(NAME, scores, suggested, confidence);
  }
}

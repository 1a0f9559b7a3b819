package com.relabel.scoring;

/**
 * Self-influence of the last layer summed over epoch checkpoints, in the spirit of TracIn (Pruthi,
 * Liu, Kale and Sundararajan, "Estimating Training Data Influence by Tracing Gradient Descent",
 * NeurIPS 2020): score = {@code sum_e ||p_e - e_y||^2 * ||h_e||^2}.
 *
 * <p>With cross-entropy, the gradient of a sample's loss with respect to the last weight matrix is
 * {@code (p - onehot(y)) h^T}, whose squared Frobenius norm is {@code ||p - e_y||^2 ||h||^2}: the
 * self-influence of the sample at that checkpoint (TracIn with equal learning rates). High
 * self-influence means the model keeps struggling to fit the sample.
 *
 * <p>Approximation: only {@code p_e(y|x)} is recorded per epoch, not the whole vector. Since {@code
 * ||p - e_y||^2 = (1 - p_y)^2 + sum_{k != y} p_k^2} and {@code sum_{k != y} p_k^2 <= (sum_{k != y}
 * p_k)^2 = (1 - p_y)^2}, this scorer uses the upper bound {@code 2 (1 - p_y)^2}, reached when all
 * the remaining mass sits on one class (the typical case for a mislabeled sample pulled toward its
 * true class). The factor of 2 does not change the ranking. Embedding norms: {@code
 * embeddingNormsSquared} when recorded, else the final embedding's squared norm for every epoch,
 * else 1 (then the score is a monotone cousin of the confidence score). Suggestions are the final
 * prediction.
 */
public final class SelfInfluenceScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "influence";

  /** Creates the scorer; it holds no state. */
  public SelfInfluenceScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    int n = dynamics.sampleCount();
    float[][] probGiven = dynamics.probGiven();
    float[][] normsPerEpoch = dynamics.embeddingNormsSquared();
    double[] finalNorms = finalNormsSquared(dynamics);
    double[] scores = new double[n];
    for (int e = 0; e < probGiven.length; e++) {
      float[] p = probGiven[e];
      for (int i = 0; i < n; i++) {
        double residual = 1.0 - p[i];
        double norm = normsPerEpoch != null ? normsPerEpoch[e][i] : finalNorms[i];
        scores[i] += 2 * residual * residual * norm;
      }
    }
    return Suggestions.finalPrediction(dynamics).withScores(NAME, scores);
  }

  /** {@code ||h(x_i)||^2} of the final embeddings, or 1 for every sample without embeddings. */
  private static double[] finalNormsSquared(TrainingDynamics dynamics) {
    int n = dynamics.sampleCount();
    double[] norms = new double[n];
    float[][] embeddings = dynamics.embeddings();
    for (int i = 0; i < n; i++) {
      if (embeddings == null) {
        norms[i] = 1;
      } else {
        for (float value : embeddings[i]) {
          norms[i] += (double) value * value;
        }
      }
    }
    return norms;
  }
}

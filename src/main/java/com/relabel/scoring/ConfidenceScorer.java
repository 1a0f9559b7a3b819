package com.relabel.scoring;

/**
 * Dataset Cartography confidence (Swayamdipta et al., "Dataset Cartography: Mapping and Diagnosing
 * Datasets with Training Dynamics", EMNLP 2020): score = {@code 1 - mean_e p_e(y_i|x_i)}.
 *
 * <p>Samples the model never grows confident about sit in the hard-to-learn region of the data map,
 * where mislabeled samples gather. Suggestions are the final prediction.
 */
public final class ConfidenceScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "confidence";

  /** Creates the scorer; it holds no state. */
  public ConfidenceScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    double[] confidence = EpochStatistics.mean(dynamics.probGiven());
    double[] scores = new double[confidence.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = 1 - confidence[i];
    }
    return Suggestions.finalPrediction(dynamics).withScores(NAME, scores);
  }
}

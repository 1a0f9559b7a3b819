package com.relabel.scoring;

/**
 * Dataset Cartography correctness (Swayamdipta et al., "Dataset Cartography: Mapping and Diagnosing
 * Datasets with Training Dynamics", EMNLP 2020): score = {@code 1 - } the share of epochs whose
 * prediction equals the given label.
 *
 * <p>With {@code E} epochs the score takes only {@code E + 1} values, so many samples tie; rank
 * consumers ({@link Ranking}, {@link Evaluation}) treat ties explicitly. Suggestions are the final
 * prediction.
 */
public final class CorrectnessScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "correctness";

  /** Creates the scorer; it holds no state. */
  public CorrectnessScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    double[] correctness =
        EpochStatistics.agreementRate(dynamics.predicted(), dynamics.givenLabels());
    double[] scores = new double[correctness.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = 1 - correctness[i];
    }
    return Suggestions.finalPrediction(dynamics).withScores(NAME, scores);
  }
}

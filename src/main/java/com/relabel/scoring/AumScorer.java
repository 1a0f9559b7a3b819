package com.relabel.scoring;

/**
 * Area Under the Margin (Pleiss et al., "Identifying Mislabeled Data using the Area Under the
 * Margin Ranking", NeurIPS 2020): score = {@code -(mean_e margin_e)}, where the margin is {@code
 * z_e(y_i) - max_{k != y_i} z_e(k)}.
 *
 * <p>A mislabeled sample keeps a negative margin because the samples of its true class pull it back
 * toward that class, so its negated AUM is high. The paper's optional threshold samples (a fake
 * extra class) are not part of this scorer. Suggestions are the final prediction.
 */
public final class AumScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "aum";

  /** Creates the scorer; it holds no state. */
  public AumScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    double[] areaUnderMargin = EpochStatistics.mean(dynamics.margin());
    double[] scores = new double[areaUnderMargin.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = -areaUnderMargin[i];
    }
    return Suggestions.finalPrediction(dynamics).withScores(NAME, scores);
  }
}

package com.relabel.scoring;

/**
 * Training-loss ranking, the baseline every other method must beat: score = {@code mean_e -log
 * p_e(y_i|x_i)}.
 *
 * <p>Networks fit clean samples before they memorise noisy ones (Arpit et al., "A Closer Look at
 * Memorization in Deep Networks", ICML 2017), so mislabeled samples keep a high loss through most
 * of training; the "small-loss trick" of Han et al., "Co-teaching", NeurIPS 2018, relies on the
 * same effect. A study of dataset-debugging methods (see docs/methods.md, "loss") found this plain
 * ranking better at finding mislabeled samples than influence functions, representer points and
 * gradient attribution. Suggestions are the final prediction ({@link Suggestions}).
 */
public final class MeanLossScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "loss";

  /** Creates the scorer; it holds no state. */
  public MeanLossScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    double[] meanLoss = EpochStatistics.mean(dynamics.loss());
    return Suggestions.finalPrediction(dynamics).withScores(NAME, meanLoss);
  }
}

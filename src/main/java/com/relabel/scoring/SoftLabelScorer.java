package com.relabel.scoring;

/**
 * Progressive soft-label correction (docs/methods.md, "softlabel"; after Tanaka et al., "Joint
 * Optimization Framework for Learning with Noisy Labels", CVPR 2018, and Yi &amp; Wu, "PENCIL",
 * CVPR 2019): each sample's soft target starts as its given label and moves toward the model's
 * prediction after every epoch, {@code t_i <- a t_i + (1 - a) p_i}. A mislabeled sample's target
 * drifts to its true class.
 *
 * <p>Score = {@code 1 - t_i(y_i)}, the weight the corrected target has taken away from the given
 * label. Suggestion = {@code argmax_k t_i(k)} with that weight as its confidence. Needs {@link
 * TrainingDynamics#softTargets()}.
 */
public final class SoftLabelScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "softlabel";

  /** Creates the scorer; it holds no state. */
  public SoftLabelScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean appliesTo(TrainingDynamics dynamics) {
    return dynamics.softTargets() != null;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    float[][] targets = dynamics.softTargets();
    if (targets == null) {
      throw new IllegalArgumentException(
          "the softlabel method needs soft targets recorded during training");
    }
    int n = dynamics.sampleCount();
    double[] scores = new double[n];
    int[] suggested = new int[n];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      float[] t = targets[i];
      int best = 0;
      for (int k = 1; k < t.length; k++) {
        if (t[k] > t[best]) {
          best = k;
        }
      }
      scores[i] = 1 - t[dynamics.givenLabels()[i]];
      suggested[i] = best;
      weight[i] = t[best];
    }
    return new MethodScores(NAME, scores, suggested, weight);
  }
}

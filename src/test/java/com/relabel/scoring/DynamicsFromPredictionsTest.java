package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** One-epoch dynamics from a model's probabilities: exact values, and what scores them. */
class DynamicsFromPredictionsTest {

  @Test
  void theMarginOfLogProbabilitiesIsTheLogitMargin() {
    double[] logits = {2.0, -1.0, 0.5};
    double sum = 0;
    for (double z : logits) {
      sum += Math.exp(z);
    }
    float[] p = new float[3];
    for (int k = 0; k < 3; k++) {
      p[k] = (float) (Math.exp(logits[k]) / sum);
    }

    var d = TrainingDynamics.fromPredictions(new int[] {2}, 3, new float[][] {p}, null);

    assertThat(d.epochCount()).isEqualTo(1);
    assertThat(d.probGiven()[0][0]).isCloseTo(p[2], within(1e-7f));
    assertThat(d.predicted()[0][0]).isZero();
    assertThat(d.margin()[0][0]).isCloseTo((float) (0.5 - 2.0), within(1e-5f));
    assertThat(d.loss()[0][0]).isCloseTo((float) -Math.log(p[2]), within(1e-5f));
    assertThat(d.heldOutProbabilities()).isSameAs(d.finalProbabilities());
  }

  @Test
  void aCertainlyWrongLabelHasAFiniteLossAndTheMethodsRankItFirst() {
    float[][] p = {{1, 0}, {0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}};
    int[] given = {1, 0, 1, 0}; // sample 0: the model is certain of the other class
    var d = TrainingDynamics.fromPredictions(given, 2, p, null);

    assertThat(d.loss()[0][0]).isFinite().isGreaterThan(10);
    NoiseReport report = NoiseReport.compute(d, ScorerRegistry.forDynamics(d));
    double[] scores = report.ensemble().scores();
    assertThat(scores[0]).isGreaterThan(scores[3]);
    assertThat(scores[3]).isGreaterThan(scores[1]); // least sure of its label, then the surest
    assertThat(scores[2]).isGreaterThan(scores[1]);
    assertThat(ScorerRegistry.forDynamics(d).names()).doesNotContain("knn", "softlabel", "aquavs");
  }
}

package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Exact scores of every built-in method on {@link HandMadeDynamics#threeSamples()}. */
class NoiseScorersTest {

  private static final Offset<Double> FLOAT_PRECISION = within(1e-6);

  private final TrainingDynamics dynamics = HandMadeDynamics.threeSamples();

  @Test
  void meanLossAveragesTheLossOverEpochs() {
    MethodScores scores = new MeanLossScorer().score(dynamics);

    assertThat(scores.method()).isEqualTo("loss");
    assertThat(scores.scores()).containsExactly(new double[] {0.3, 1.2, 1.5}, FLOAT_PRECISION);
  }

  @Test
  void confidenceScoresOneMinusMeanProbabilityOfTheGivenLabel() {
    MethodScores scores = new ConfidenceScorer().score(dynamics);

    assertThat(scores.method()).isEqualTo("confidence");
    assertThat(scores.scores()).containsExactly(new double[] {0.1, 0.7, 0.7}, FLOAT_PRECISION);
  }

  @Test
  void correctnessScoresTheShareOfEpochsPredictingAnotherLabel() {
    MethodScores scores = new CorrectnessScorer().score(dynamics);

    assertThat(scores.method()).isEqualTo("correctness");
    assertThat(scores.scores()).containsExactly(0.0, 1.0, 0.5);
  }

  @Test
  void aumScoresTheNegatedMeanMargin() {
    MethodScores scores = new AumScorer().score(dynamics);

    assertThat(scores.method()).isEqualTo("aum");
    assertThat(scores.scores()).containsExactly(-3.0, 2.0, 1.0);
  }

  @Test
  void everyBuiltInMethodSuggestsTheFinalPrediction() {
    for (NoiseScorer scorer : ScorerRegistry.defaults().scorers()) {
      MethodScores scores = scorer.score(dynamics);

      assertThat(scores.suggestedLabels()).as(scorer.name()).containsExactly(0, 2, 0);
      assertThat(scores.suggestionConfidence())
          .as(scorer.name())
          .containsExactly(new double[] {0.9, 0.6, 0.5}, FLOAT_PRECISION);
    }
  }
}

package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftLabelScorerTest {

  private static TrainingDynamics dynamics(float[][] softTargets) {
    int[] given = {0, 1};
    float[][] perEpoch = {{0.9f, 0.2f}};
    return TrainingDynamics.builder()
        .givenLabels(given)
        .numClasses(3)
        .probGiven(perEpoch)
        .predicted(new int[][] {{0, 2}})
        .margin(perEpoch)
        .loss(perEpoch)
        .finalProbabilities(new float[][] {{0.9f, 0.05f, 0.05f}, {0.1f, 0.2f, 0.7f}})
        .softTargets(softTargets)
        .build();
  }

  @Test
  void scoresTheWeightTakenFromTheGivenLabelAndSuggestsTheTargetsArgmax() {
    MethodScores s =
        new SoftLabelScorer()
            .score(dynamics(new float[][] {{0.8f, 0.1f, 0.1f}, {0.1f, 0.3f, 0.6f}}));

    assertThat(s.method()).isEqualTo("softlabel");
    assertThat(s.scores()[0]).isCloseTo(0.2, within(1e-6));
    assertThat(s.scores()[1]).isCloseTo(0.7, within(1e-6));
    assertThat(s.suggestedLabels()).containsExactly(0, 2);
    assertThat(s.suggestionConfidence()[1]).isCloseTo(0.6, within(1e-6));
  }

  @Test
  void needsSoftTargetsAndIsOnlyInTheRegistryWhenTheyExist() {
    assertThatThrownBy(() -> new SoftLabelScorer().score(dynamics(null)))
        .hasMessageContaining("soft targets");
    assertThat(ScorerRegistry.forDynamics(dynamics(null)).names()).doesNotContain("softlabel");
    assertThat(ScorerRegistry.forDynamics(dynamics(new float[][] {{1, 0, 0}, {0, 1, 0}})).names())
        .endsWith("softlabel");
  }
}

package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CartographyTest {

  private final Cartography map = Cartography.of(HandMadeDynamics.threeSamples());

  @Test
  void computesConfidenceVariabilityAndCorrectness() {
    assertThat(map.confidence()).containsExactly(new double[] {0.9, 0.3, 0.3}, within(1e-6));
    assertThat(map.variability()).containsExactly(new double[] {0.1, 0.1, 0.3}, within(1e-6));
    assertThat(map.correctness()).containsExactly(1.0, 0.0, 0.5);
  }

  @Test
  void variabilityIsThePopulationStandardDeviation() {
    TrainingDynamics threeEpochs =
        TrainingDynamics.builder()
            .givenLabels(new int[] {0})
            .numClasses(2)
            .probGiven(new float[][] {{0f}, {0.5f}, {1f}})
            .predicted(new int[][] {{1}, {0}, {0}})
            .margin(new float[][] {{0f}, {0f}, {0f}})
            .loss(new float[][] {{0f}, {0f}, {0f}})
            .finalProbabilities(new float[][] {{0f, 1f}})
            .build();

    assertThat(Cartography.of(threeEpochs).variability()[0])
        .isCloseTo(Math.sqrt(1.0 / 6), within(1e-9));
  }

  @Test
  void sortsSamplesIntoRegionsWithTheDefaultThresholds() {
    assertThat(map.regions())
        .containsExactly(
            CartographyRegion.EASY, CartographyRegion.HARD, CartographyRegion.AMBIGUOUS);
    assertThat(map.region(1)).isEqualTo(CartographyRegion.HARD);
  }

  @Test
  void acceptsOtherThresholds() {
    assertThat(map.regions(0.2, 0.5))
        .containsExactly(CartographyRegion.EASY, CartographyRegion.EASY, CartographyRegion.EASY);
  }

  @Test
  void regionRuleIncludesItsThresholds() {
    assertThat(CartographyRegion.classify(0.9, 0.2, 0.5, 0.2))
        .isEqualTo(CartographyRegion.AMBIGUOUS);
    assertThat(CartographyRegion.classify(0.1, 0.2, 0.5, 0.2))
        .isEqualTo(CartographyRegion.AMBIGUOUS);
    assertThat(CartographyRegion.classify(0.5, 0.19, 0.5, 0.2)).isEqualTo(CartographyRegion.EASY);
    assertThat(CartographyRegion.classify(0.49, 0.19, 0.5, 0.2)).isEqualTo(CartographyRegion.HARD);
  }
}

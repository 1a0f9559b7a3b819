package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankAverageEnsembleTest {

  /** Normalized ranks 1, 0, 0.5, 0.5: the tied samples share ranks 2 and 3. */
  private static final MethodScores A = MethodScores.of("a", new double[] {3, 1, 2, 2});

  /** All tied: every normalized rank is 0.5. */
  private static final MethodScores B = MethodScores.of("b", new double[] {1, 1, 1, 1});

  private static final Suggestions SUGGESTIONS =
      new Suggestions(new int[] {0, 1, 2, 3}, new double[] {0.9, 0.8, 0.7, 0.6});

  @Test
  void averagesNormalizedRanksWithTiesSharingTheirAverageRank() {
    MethodScores ensemble = RankAverageEnsemble.equalWeights().combine(List.of(A, B), SUGGESTIONS);

    assertThat(ensemble.method()).isEqualTo("ensemble");
    assertThat(ensemble.scores()).containsExactly(0.75, 0.25, 0.5, 0.5);
    assertThat(ensemble.suggestedLabels()).containsExactly(0, 1, 2, 3);
    assertThat(ensemble.suggestionConfidence()).containsExactly(0.9, 0.8, 0.7, 0.6);
  }

  @Test
  void weightsMethods() {
    RankAverageEnsemble ensemble = RankAverageEnsemble.weighted(Map.of("a", 3.0, "b", 1.0));

    assertThat(ensemble.combine(List.of(A, B), SUGGESTIONS).scores())
        .containsExactly(0.875, 0.125, 0.5, 0.5);
  }

  @Test
  void zeroWeightLeavesAMethodOutAndMissingWeightsCountOne() {
    RankAverageEnsemble withoutB = RankAverageEnsemble.weighted(Map.of("b", 0.0));
    RankAverageEnsemble onlyAWeighted = RankAverageEnsemble.weighted(Map.of("a", 1.0));

    assertThat(withoutB.combine(List.of(A, B), SUGGESTIONS).scores())
        .containsExactly(1.0, 0.0, 0.5, 0.5);
    assertThat(onlyAWeighted.weightOf("b")).isEqualTo(1.0);
    assertThat(onlyAWeighted.combine(List.of(A, B), SUGGESTIONS).scores())
        .containsExactly(0.75, 0.25, 0.5, 0.5);
  }

  @Test
  void rejectsInvalidWeights() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RankAverageEnsemble.weighted(Map.of("a", -1.0)))
        .withMessageContaining("weight of a");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RankAverageEnsemble.weighted(Map.of("a", Double.NaN)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                RankAverageEnsemble.weighted(Map.of("a", 0.0, "b", 0.0))
                    .combine(List.of(A, B), SUGGESTIONS))
        .withMessageContaining("all ensemble weights are 0");
  }

  @Test
  void rejectsInconsistentMethods() {
    RankAverageEnsemble ensemble = RankAverageEnsemble.equalWeights();
    MethodScores shorter = MethodScores.of("c", new double[] {1, 2});

    assertThatIllegalArgumentException().isThrownBy(() -> ensemble.combine(List.of(), SUGGESTIONS));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ensemble.combine(List.of(A, shorter), SUGGESTIONS));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ensemble.combine(List.of(A, A), SUGGESTIONS))
        .withMessageContaining("appears twice");
  }

  @Test
  void theStandardEnsembleIsLedByTheMarginWithSoftLabelsAndLeavesTheRestOut() {
    MethodScores margin = MethodScores.of("margin", new double[] {4, 3, 2, 1});
    MethodScores softlabel = MethodScores.of("softlabel", new double[] {1, 2, 3, 4});
    MethodScores loss = MethodScores.of("loss", new double[] {1, 2, 3, 4});

    double[] scores =
        RankAverageEnsemble.standard()
            .combine(List.of(margin, softlabel, loss), SUGGESTIONS)
            .scores();

    // (4 r_margin + r_softlabel) / 5; loss has weight 0
    assertThat(scores)
        .containsExactly(
            new double[] {4.0 / 5, (4 * 2.0 / 3 + 1.0 / 3) / 5, (4 / 3.0 + 2 / 3.0) / 5, 1.0 / 5},
            org.assertj.core.api.Assertions.within(1e-12));
    assertThat(RankAverageEnsemble.standard().weightOf("loss")).isZero();
    assertThat(RankAverageEnsemble.standard().weightOf("margin"))
        .isEqualTo(RankAverageEnsemble.STANDARD_MARGIN_WEIGHT);
  }

  @Test
  void theStandardEnsembleFallsBackToEqualWeightsWithoutItsMembers() {
    assertThat(RankAverageEnsemble.standard().combine(List.of(A, B), SUGGESTIONS).scores())
        .containsExactly(0.75, 0.25, 0.5, 0.5);
    assertThat(RankAverageEnsemble.standard().weightsOf(List.of("a", "b")))
        .containsExactly(Map.entry("a", 1.0), Map.entry("b", 1.0));
    assertThat(RankAverageEnsemble.standard().weightsOf(List.of("a", "margin")))
        .containsExactly(Map.entry("a", 0.0), Map.entry("margin", 4.0));
  }
}

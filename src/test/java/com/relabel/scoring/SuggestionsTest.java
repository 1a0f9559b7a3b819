package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheFinalArgmaxWithItsProbability() {
    Suggestions suggestions = Suggestions.finalPrediction(HandMadeDynamics.threeSamples());

    assertThat(suggestions.labels()).containsExactly(0, 2, 0);
    assertThat(suggestions.confidence())
        .containsExactly(new double[] {0.9, 0.6, 0.5}, within(1e-6));
  }

  @Test
  void theEnsembleTakesTheOutOfSampleGuessWhereTheModelHasLearnedTheGivenLabel() {
    float[][] fin = {{0.8f, 0.2f, 0f}, {0.7f, 0.3f, 0f}, {0.1f, 0.6f, 0.3f}, {0.9f, 0.1f, 0f}};
    float[][] heldOut = {
      {0.3f, 0.6f, 0.1f}, // learned given 0, out of sample 1: take 1
      {0.9f, 0.1f, 0f}, // both agree with the given 0: keep
      {0.1f, 0.1f, 0.8f}, // final already disagrees with the given 0: keep the final 1
      {0.2f, 0.1f, 0.7f} // learned given 0, out of sample 2: take 2
    };
    int[] given = {0, 0, 0, 0};
    int n = given.length;
    var d =
        new TrainingDynamics(
            given,
            3,
            new float[][] {new float[n]},
            new int[][] {new int[n]},
            new float[][] {new float[n]},
            new float[][] {new float[n]},
            fin,
            null,
            null,
            heldOut,
            null);

    Suggestions ensemble = Suggestions.ensemble(d);

    assertThat(ensemble.labels()).containsExactly(1, 0, 1, 2);
    assertThat(ensemble.confidence())
        .containsExactly(new double[] {0.6, 0.7, 0.6, 0.7}, within(1e-6));
    assertThat(Suggestions.ensemble(HandMadeDynamics.threeSamples()).labels())
        .containsExactly(Suggestions.finalPrediction(HandMadeDynamics.threeSamples()).labels());
  }

  @Test
  void breaksTiesTowardTheLowestClass() {
    TrainingDynamics tie =
        new TrainingDynamics(
            new int[] {2},
            3,
            new float[][] {{0.4f}},
            new int[][] {{1}},
            new float[][] {{0f}},
            new float[][] {{0f}},
            new float[][] {{0.2f, 0.4f, 0.4f}},
            null);

    assertThat(Suggestions.finalPrediction(tie).labels()).containsExactly(1);
  }

  @Test
  void countsDisagreementsWithTheGivenLabels() {
    Suggestions suggestions = new Suggestions(new int[] {0, 2, 0}, new double[] {1, 1, 1});

    assertThat(suggestions.disagreementsWith(new int[] {0, 1, 2})).isEqualTo(2);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> suggestions.disagreementsWith(new int[1]));
  }

  @Test
  void attachesToAMethodsScores() {
    Suggestions suggestions = new Suggestions(new int[] {3}, new double[] {0.7});

    MethodScores scores = suggestions.withScores("x", new double[] {0.1});

    assertThat(scores.method()).isEqualTo("x");
    assertThat(scores.suggestedLabels()).containsExactly(3);
    assertThat(scores.suggestionConfidence()).containsExactly(0.7);
  }
}

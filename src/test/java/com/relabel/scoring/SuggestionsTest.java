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
  void theEnsembleSuggestsTheLikeliestOtherClassOfBothModelsAveraged() {
    float[][] fin = {{0.8f, 0.2f, 0f}, {0.7f, 0.3f, 0f}, {0.1f, 0.6f, 0.3f}, {0.9f, 0.1f, 0f}};
    float[][] heldOut = {
      {0.3f, 0.6f, 0.1f}, // mean (0.55, 0.40, 0.05): 1
      {0.9f, 0.1f, 0f}, // mean (0.80, 0.20, 0): both agree with the given 0, still 1
      {0.1f, 0.1f, 0.8f}, // mean (0.10, 0.35, 0.55): 2, although the final model said 1
      {0.2f, 0.1f, 0.7f} // mean (0.55, 0.10, 0.35): 2, although both means favour the given 0
    };
    int[] given = {0, 0, 0, 0};
    int n = given.length;
    var d =
        TrainingDynamics.builder()
            .givenLabels(given)
            .numClasses(3)
            .probGiven(new float[][] {new float[n]})
            .predicted(new int[][] {new int[n]})
            .margin(new float[][] {new float[n]})
            .loss(new float[][] {new float[n]})
            .finalProbabilities(fin)
            .heldOutProbabilities(heldOut)
            .build();

    Suggestions ensemble = Suggestions.ensemble(d);

    assertThat(ensemble.labels()).containsExactly(1, 1, 2, 2);
    assertThat(ensemble.confidence())
        .containsExactly(new double[] {0.4, 0.2, 0.55, 0.35}, within(1e-6));
    // without out-of-sample probabilities: the final ones alone; never the given label
    assertThat(Suggestions.ensemble(HandMadeDynamics.threeSamples()).labels())
        .containsExactly(1, 2, 0);
  }

  @Test
  void breaksTiesTowardTheLowestClass() {
    TrainingDynamics tie =
        TrainingDynamics.builder()
            .givenLabels(new int[] {2})
            .numClasses(3)
            .probGiven(new float[][] {{0.4f}})
            .predicted(new int[][] {{1}})
            .margin(new float[][] {{0f}})
            .loss(new float[][] {{0f}})
            .finalProbabilities(new float[][] {{0.2f, 0.4f, 0.4f}})
            .build();

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

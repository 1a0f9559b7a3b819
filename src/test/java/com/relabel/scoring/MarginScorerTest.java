package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarginScorerTest {

  private static TrainingDynamics dynamics(int[] given, float[][] last, float[][] heldOut) {
    int n = given.length;
    return TrainingDynamics.builder()
        .givenLabels(given)
        .numClasses(3)
        .probGiven(new float[][] {new float[n]})
        .predicted(new int[][] {new int[n]})
        .margin(new float[][] {new float[n]})
        .loss(new float[][] {new float[n]})
        .finalProbabilities(last)
        .heldOutProbabilities(heldOut)
        .build();
  }

  @Test
  void ranksAConfidentOtherClassAboveASpreadOfDoubt() {
    // both give the given label 0 only 0.4; sample 0 spreads the rest, sample 1 puts it on class 2
    float[][] last = {{0.4f, 0.3f, 0.3f}, {0.4f, 0f, 0.6f}, {0.9f, 0.05f, 0.05f}};
    MethodScores margin = new MarginScorer().score(dynamics(new int[] {0, 0, 0}, last, null));

    assertThat(margin.method()).isEqualTo("margin");
    assertThat(margin.scores()).containsExactly(new double[] {-0.1, 0.2, -0.85}, within(1e-6));
    assertThat(margin.suggestedLabels()).containsExactly(1, 2, 1);
    assertThat(margin.suggestionConfidence())
        .containsExactly(new double[] {0.3, 0.6, 0.05}, within(1e-6));
    // confident learning's 1 - p(y) cannot tell samples 0 and 1 apart
    MethodScores cl =
        new ConfidentLearningScorer().score(dynamics(new int[] {0, 0, 0}, last, null));
    assertThat(cl.scores()[0]).isEqualTo(cl.scores()[1], within(1e-6));
  }

  @Test
  void averagesTheFinalAndTheOutOfSampleProbabilities() {
    float[][] last = {{0.8f, 0.2f, 0f}};
    float[][] heldOut = {{0.2f, 0.2f, 0.6f}};
    MethodScores margin = new MarginScorer().score(dynamics(new int[] {0}, last, heldOut));

    // mean (0.5, 0.2, 0.3): 0.3 - 0.5
    assertThat(margin.scores()[0]).isEqualTo(-0.2, within(1e-6));
    assertThat(margin.suggestedLabels()).containsExactly(2);
    assertThat(margin.suggestionConfidence()[0]).isEqualTo(0.3, within(1e-6));
  }

  @Test
  void expectsTheWrongLabelsTheModelBelievesInAtTheTopOfTheQueue() {
    float[][] last = {{0.4f, 0.3f, 0.3f}, {0.4f, 0f, 0.6f}, {0.9f, 0.05f, 0.05f}};
    TrainingDynamics d = dynamics(new int[] {0, 0, 0}, last, null);

    ExpectedYield yield = ExpectedYield.of(d, new double[] {1, 2, 0});

    // all three are within the first 100: 0.6 + 0.6 + 0.1
    assertThat(yield.top100()).isEqualTo(1.3, within(1e-6));
    assertThat(yield.top1000()).isEqualTo(1.3, within(1e-6));
  }
}

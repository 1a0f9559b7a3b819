package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report a run shows: per-method quality and how many known errors top the queue. */
class NoiseReportTest {

  @Test
  void countsTheKnownErrorsAtTheTopOfTheQueue() {
    int n = 2000;
    int[] truth = new int[n];
    int[] given = new int[n];
    float[][] probGiven = new float[1][n];
    int[][] predicted = new int[1][n];
    float[][] margin = new float[1][n];
    float[][] loss = new float[1][n];
    float[][] finalProbabilities = new float[n][2];
    for (int i = 0; i < n; i++) {
      truth[i] = i % 2;
      boolean flipped = i < 150; // 150 wrong labels, the most suspicious first
      given[i] = flipped ? 1 - truth[i] : truth[i];
      float p = flipped ? 0.01f + i * 0.001f : 0.9f + (i % 50) * 0.001f;
      probGiven[0][i] = p;
      predicted[0][i] = p > 0.5f ? given[i] : 1 - given[i];
      margin[0][i] = 2 * p - 1;
      loss[0][i] = (float) -Math.log(p);
      finalProbabilities[i][given[i]] = p;
      finalProbabilities[i][1 - given[i]] = 1 - p;
    }
    var dynamics =
        TrainingDynamics.builder()
            .givenLabels(given)
            .numClasses(2)
            .probGiven(probGiven)
            .predicted(predicted)
            .margin(margin)
            .loss(loss)
            .finalProbabilities(finalProbabilities)
            .build();

    NoiseReport.Quality quality =
        NoiseReport.compute(dynamics, ScorerRegistry.defaults()).evaluate(given, truth);

    assertThat(quality.trueErrors()).isEqualTo(150);
    assertThat(quality.topOfQueue())
        .isDeepEqualTo(new int[][] {{100, 100}, {150, 150}, {1000, 150}});
    assertThat(quality.suggestionAccuracy()).isEqualTo(1.0);
    assertThat(quality.byMethod().get("ensemble").auroc()).isEqualTo(1.0);
    assertThat(quality.summary()).contains("top 100 of the queue: 100 known errors (100.0%)");
  }
}

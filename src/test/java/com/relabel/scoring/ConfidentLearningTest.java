package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidentLearningTest {

  /**
   * Seven samples, three classes; sample 2 is labelled 0 but looks like class 1.
   *
   * <pre>
   * sample label  p(0) p(1) p(2)
   *   0      0    0.8  0.1  0.1   confident: 0
   *   1      0    0.6  0.3  0.1   confident: 0
   *   2      0    0.1  0.8  0.1   confident: 1
   *   3      1    0.2  0.7  0.1   none (0.7 &lt; t1)
   *   4      1    0.1  0.9  0.0   confident: 1
   *   5      2    0.1  0.2  0.7   confident: 2
   *   6      2    0.3  0.2  0.5   none
   * thresholds t = (0.5, 0.8, 0.6)
   * </pre>
   */
  private static final float[][] PROBABILITIES = {
    {0.8f, 0.1f, 0.1f},
    {0.6f, 0.3f, 0.1f},
    {0.1f, 0.8f, 0.1f},
    {0.2f, 0.7f, 0.1f},
    {0.1f, 0.9f, 0.0f},
    {0.1f, 0.2f, 0.7f},
    {0.3f, 0.2f, 0.5f}
  };

  private static final int[] LABELS = {0, 0, 0, 1, 1, 2, 2};

  private final ConfidentLearning cl = ConfidentLearning.fit(PROBABILITIES, LABELS, 3);

  @Test
  void thresholdsAreTheMeanSelfConfidencePerClass() {
    assertThat(cl.thresholds()).containsExactly(new double[] {0.5, 0.8, 0.6}, within(1e-6));
  }

  @Test
  void confidentJointCountsConfidentSamplesByGivenAndLikelyTrueClass() {
    assertThat(cl.confidentJoint()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 1, 0}, {0, 0, 1}});
  }

  @Test
  void calibrationScalesRowsToTheClassCounts() {
    assertThat(cl.calibratedJoint()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 2, 0}, {0, 0, 2}});
    assertThat(cl.joint()[0][1]).isEqualTo(1.0 / 7);
    assertThat(cl.estimatedErrorCount()).isEqualTo(1);
  }

  @Test
  void noiseMatrixIsTheJointNormalisedPerTrueClass() {
    double[][] noise = cl.noiseMatrix();

    assertThat(noise[0]).containsExactly(new double[] {1, 1.0 / 3, 0}, within(1e-12));
    assertThat(noise[1]).containsExactly(new double[] {0, 2.0 / 3, 0}, within(1e-12));
    assertThat(noise[2]).containsExactly(new double[] {0, 0, 1}, within(1e-12));
  }

  @Test
  void pruningByNoiseRateFlagsTheLargestMarginSamples() {
    assertThat(cl.issues()).containsExactly(false, false, true, false, false, false, false);
    assertThat(cl.issueCount()).isEqualTo(1);
  }

  @Test
  void labelQualityScores() {
    assertThat(cl.selfConfidence())
        .containsExactly(new double[] {0.8, 0.6, 0.1, 0.7, 0.9, 0.7, 0.5}, within(1e-6));
    // (p_y - max other + 1) / 2: (0.8-0.1+1)/2 = 0.85, ..., (0.1-0.8+1)/2 = 0.15.
    assertThat(cl.normalizedMargin()[0]).isCloseTo(0.85, within(1e-6));
    assertThat(cl.normalizedMargin()[2]).isCloseTo(0.15, within(1e-6));
  }

  @Test
  void takesTheArgmaxAmongSeveralConfidentClasses() {
    // t0 = (0.6 + 0.2) / 2 = 0.4, t1 = (0.7 + 0.3 + 0.55) / 3 = 0.5167; sample 4 passes both.
    float[][] p = {{0.6f, 0.4f}, {0.2f, 0.8f}, {0.3f, 0.7f}, {0.7f, 0.3f}, {0.45f, 0.55f}};
    ConfidentLearning two = ConfidentLearning.fit(p, new int[] {0, 0, 1, 1, 1}, 2);

    assertThat(two.confidentJoint()).isDeepEqualTo(new int[][] {{1, 1}, {1, 2}});
  }

  @Test
  void scorerUsesHeldOutProbabilitiesWhenPresent() {
    TrainingDynamics base = HandMadeDynamics.threeSamples();
    float[][] heldOut = {{0.2f, 0.7f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.3f, 0.3f, 0.4f}};

    MethodScores inSample = new ConfidentLearningScorer().score(base);
    MethodScores outOfSample =
        new ConfidentLearningScorer().score(NewScorersTest.withExtras(base, null, null, heldOut));

    assertThat(inSample.method()).isEqualTo("cl");
    // Final probabilities of the given labels 0, 1, 2: 0.9, 0.3, 0.3.
    assertThat(inSample.scores()).containsExactly(new double[] {0.1, 0.7, 0.7}, within(1e-6));
    assertThat(inSample.suggestedLabels()).containsExactly(0, 2, 0);
    assertThat(outOfSample.scores()).containsExactly(new double[] {0.8, 0.2, 0.6}, within(1e-6));
    assertThat(outOfSample.suggestedLabels()).containsExactly(1, 1, 2);
    assertThat(outOfSample.suggestionConfidence())
        .containsExactly(new double[] {0.7, 0.8, 0.4}, within(1e-6));
  }

  @Test
  void recoversInjectedNoiseOnTheSimulation() {
    SyntheticBenchmark benchmark = SyntheticBenchmark.generate(2_000, 10, 10, 0.10, 42);
    ConfidentLearning fitted = ConfidentLearning.of(benchmark.dynamics());
    boolean[] issues = fitted.issues();
    int found = 0;
    for (int i = 0; i < issues.length; i++) {
      found += issues[i] && benchmark.flipped()[i] ? 1 : 0;
    }
    int heldOutCorrect = 0;
    for (int i = 0; i < issues.length; i++) {
      float[] p = benchmark.dynamics().heldOutProbabilities()[i];
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        best = p[k] > p[best] ? k : best;
      }
      heldOutCorrect += best == benchmark.cleanLabels()[i] ? 1 : 0;
    }
    System.out.printf(
        "cl: held-out accuracy %d/%d, %d errors estimated, %d issues, %d of %d flips found%n",
        heldOutCorrect,
        issues.length,
        fitted.estimatedErrorCount(),
        fitted.issueCount(),
        found,
        benchmark.noise().flippedCount());

    // The simulated held-out model errs on ~7% of samples (some of them clean, hard ones), so a
    // few clean samples are flagged too: count within 10% of the truth, recall and precision > 0.8.
    assertThat(fitted.estimatedErrorCount()).isBetween(180, 220);
    assertThat(found).isGreaterThan(170);
    assertThat((double) found / fitted.issueCount()).isGreaterThan(0.8);
  }
}

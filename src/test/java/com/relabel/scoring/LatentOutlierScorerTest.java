package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatentOutlierScorerTest {

  /** Dynamics of one epoch whose only interesting part is the latent means. */
  static TrainingDynamics withLatent(int[] given, int numClasses, float[][] latentMeans) {
    int n = given.length;
    float[][] perEpoch = new float[1][n];
    float[][] probabilities = new float[n][numClasses];
    for (int i = 0; i < n; i++) {
      perEpoch[0][i] = 0.5f;
      probabilities[i][given[i]] = 1f;
    }
    return TrainingDynamics.builder()
        .givenLabels(given)
        .numClasses(numClasses)
        .probGiven(perEpoch)
        .predicted(new int[][] {given.clone()})
        .margin(perEpoch)
        .loss(perEpoch)
        .finalProbabilities(probabilities)
        .latentMeans(latentMeans)
        .build();
  }

  /** Seeded clusters: class c is centred at 4 * e_(c mod dims) ... with unit noise. */
  private record Clusters(int[] truth, int[] given, boolean[] flipped, float[][] means) {

    static Clusters of(int n, int k, int dims, double noiseRate, long seed) {
      Random random = new Random(seed);
      double[][] centres = new double[k][dims];
      for (int c = 0; c < k; c++) {
        for (int d = 0; d < dims; d++) {
          centres[c][d] = 4 * random.nextGaussian();
        }
      }
      int[] truth = new int[n];
      int[] given = new int[n];
      boolean[] flipped = new boolean[n];
      float[][] means = new float[n][dims];
      for (int i = 0; i < n; i++) {
        truth[i] = i % k;
        given[i] = truth[i];
        if (random.nextDouble() < noiseRate) {
          given[i] = (truth[i] + 1 + random.nextInt(k - 1)) % k;
          flipped[i] = true;
        }
        for (int d = 0; d < dims; d++) {
          means[i][d] = (float) (centres[truth[i]][d] + random.nextGaussian());
        }
      }
      return new Clusters(truth, given, flipped, means);
    }
  }

  @Test
  void countsTheDimensionsBeyondAlphaMadsAndBreaksTiesByTheCompanion() {
    // class 0 in 2 dims: values -1, 0, 1 per dim -> median 0, MAD 1; alpha 1.5
    int[] given = {0, 0, 0, 0, 0};
    float[][] means = {{-1f, 0f}, {0f, 1f}, {1f, -1f}, {2f, 0f}, {3f, 5f}};
    MethodScores s = new LatentOutlierScorer().score(withLatent(given, 2, means));

    // d0: -1, 0, 1, 2, 3 -> median 1, MAD 1; d1: 0, 1, -1, 0, 5 -> median 0, MAD 1
    assertThat(s.method()).isEqualTo("aquavs");
    assertThat(s.scores()[0]).isCloseTo(1 + 1.0 / 2, within(1e-9)); // d0 |-1 - 1| = 2 > 1.5
    assertThat(s.scores()[1]).isCloseTo(1.0 / 2, within(1e-9)); // no count, mean ratio 1
    assertThat(s.scores()[2]).isCloseTo(0.5 / 1.5, within(1e-9)); // mean ratio 0.5
    assertThat(s.scores()[3]).isCloseTo(0.5 / 1.5, within(1e-9));
    assertThat(s.scores()[4]).isCloseTo(2 + 3.5 / 4.5, within(1e-9)); // 2 and 5 MADs out
    assertThat(s.scores()[1]).isGreaterThan(s.scores()[2]);
  }

  @Test
  void aMadOfZeroDividesNothingAndFlagsAnyDeviation() {
    int[] given = {0, 0, 0, 1, 1};
    float[][] means = {{1f, 1f}, {1f, 1f}, {1f, 2f}, {5f, 5f}, {5f, 5f}};
    MethodScores s = new LatentOutlierScorer().score(withLatent(given, 2, means));

    for (double v : s.scores()) {
      assertThat(v).isFinite();
    }
    assertThat(s.scores()[0]).isZero();
    assertThat(s.scores()[2]).isGreaterThanOrEqualTo(1).isLessThan(2);
    assertThat(s.scores()[3]).isZero();
    assertThat(s.suggestedLabels()).containsExactly(0, 0, 0, 1, 1);
    for (double v : s.suggestionConfidence()) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 10, 57, 256})
  void findsFlippedLabelsAndSuggestsTheirTrueClassForAnyNumberOfClasses(int k) {
    Clusters data = Clusters.of(Math.max(2000, 12 * k), k, 16, 0.2, 11 + k);
    MethodScores s = new LatentOutlierScorer().score(withLatent(data.given(), k, data.means()));

    assertThat(Evaluation.auroc(s.scores(), data.flipped())).isGreaterThan(0.95);
    assertThat(Evaluation.suggestionAccuracy(s.suggestedLabels(), data.truth(), data.flipped()))
        .isGreaterThan(0.95);
    assertThat(s.scores()).hasSize(data.given().length);
  }

  @Test
  void tiesInTheCountAreBrokenSoTheRankingIsNearlyStrict() {
    Clusters data = Clusters.of(3000, 10, 16, 0.2, 3);
    double[] scores =
        new LatentOutlierScorer().score(withLatent(data.given(), 10, data.means())).scores();

    long distinctCounts = java.util.Arrays.stream(scores).map(Math::floor).distinct().count();
    long distinctScores = java.util.Arrays.stream(scores).distinct().count();
    assertThat(distinctCounts).isLessThanOrEqualTo(17);
    assertThat(distinctScores).isGreaterThan(2990);
  }

  @Test
  void isDeterministicAndAlphaChangesTheCount() {
    Clusters data = Clusters.of(1000, 4, 8, 0.3, 5);
    TrainingDynamics d = withLatent(data.given(), 4, data.means());

    MethodScores first = new LatentOutlierScorer().score(d);
    MethodScores second = new LatentOutlierScorer().score(d);
    MethodScores strict = new LatentOutlierScorer(3.0).score(d);

    assertThat(second.scores()).containsExactly(first.scores());
    assertThat(second.suggestedLabels()).containsExactly(first.suggestedLabels());
    double sumDefault = java.util.Arrays.stream(first.scores()).map(Math::floor).sum();
    double sumStrict = java.util.Arrays.stream(strict.scores()).map(Math::floor).sum();
    assertThat(sumStrict).isLessThan(sumDefault);
  }

  @Test
  void neverSuggestsAClassThatNoSampleCarries() {
    int[] given = {0, 0, 2, 2};
    float[][] means = {{0f}, {0.1f}, {10f}, {10.2f}};
    MethodScores s = new LatentOutlierScorer().score(withLatent(given, 3, means));

    assertThat(s.suggestedLabels()).containsExactly(0, 0, 2, 2);
  }

  @Test
  void refusesDynamicsWithoutLatentMeansAndBadAlpha() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LatentOutlierScorer().score(HandMadeDynamics.threeSamples()))
        .withMessageContaining("latent means");
    assertThatIllegalArgumentException().isThrownBy(() -> new LatentOutlierScorer(-1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withLatent(new int[] {0, 1}, 2, new float[][] {{1f}}))
        .withMessageContaining("latent means");
  }

  @Test
  void theRegistryAddsTheMethodWhenThereAreLatentMeans() {
    TrainingDynamics d = withLatent(new int[] {0, 1, 1}, 2, new float[][] {{0f}, {1f}, {1f}});

    assertThat(ScorerRegistry.forDynamics(d).names()).endsWith("aquavs");
    assertThat(ScorerRegistry.forDynamics(HandMadeDynamics.threeSamples()).names())
        .doesNotContain("aquavs");
  }
}

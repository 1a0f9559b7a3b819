package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AumThresholdTest {

  @Test
  void percentileInterpolatesLinearlyBetweenRanks() {
    double[] values = {4, 1, 3, 2, 5}; // sorted 1..5, h = 4 * p / 100
    assertThat(AumThreshold.percentile(values, 0)).isEqualTo(1);
    assertThat(AumThreshold.percentile(values, 100)).isEqualTo(5);
    assertThat(AumThreshold.percentile(values, 50)).isEqualTo(3);
    assertThat(AumThreshold.percentile(values, 99)).isCloseTo(4.96, within(1e-12));
    assertThat(AumThreshold.percentile(values, 10)).isCloseTo(1.4, within(1e-12));
  }

  @Test
  void percentileAtAWholeRankIsThatValue() {
    Random random = new Random(7);
    double[] values = new double[101];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    // 101 values: the 99th percentile is exactly the 100th smallest (h = 99)
    assertThat(AumThreshold.percentile(values, 99)).isEqualTo(sorted[99]);
  }

  @Test
  void tiesGiveTheTiedValue() {
    assertThat(AumThreshold.percentile(new double[] {-2, -2, -2, -2}, 99)).isEqualTo(-2);
    assertThat(AumThreshold.percentile(new double[] {0, 1, 1, 1}, 50)).isEqualTo(1);
  }

  @Test
  void oneThresholdSampleIsItsOwnCutoff() {
    assertThat(AumThreshold.percentile(new double[] {-0.75}, 99)).isEqualTo(-0.75);
  }

  @Test
  void refusesNoThresholdSamplesABadPercentileAndNonFiniteValues() {
    assertThatThrownBy(() -> AumThreshold.percentile(new double[0], 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no threshold samples");
    assertThatThrownBy(() -> AumThreshold.percentile(new double[] {1}, 100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percentile must be in [0, 100]");
    assertThatThrownBy(() -> AumThreshold.percentile(new double[] {1}, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AumThreshold.percentile(new double[] {1, Double.NaN}, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> AumThreshold.judge(new double[] {1, 2}, new boolean[2], 99, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no threshold samples");
  }

  @Test
  void flagsSamplesStrictlyBelowTheCutoffAndLeavesThresholdSamplesUnflagged() {
    // threshold samples 0..3 with AUM -4, -3, -2, -1: the 100th percentile is -1
    double[] pass = {-4, -3, -2, -1, -5, -1, 0, 2};
    boolean[] threshold = {true, true, true, true, false, false, false, false};
    AumCutoff cut = AumThreshold.judge(pass, threshold, 100, null);
    assertThat(cut.cutoff()).isEqualTo(-1);
    assertThat(cut.thresholdCount()).isEqualTo(4);
    assertThat(cut.below()).containsExactly(false, false, false, false, true, false, false, false);
    assertThat(cut.flaggedCount()).isEqualTo(1);
  }

  @Test
  void judgesThresholdSamplesByTheMainRunsAumWhenGiven() {
    double[] pass = {-4, -3, -5, 1};
    boolean[] threshold = {true, true, false, false};
    double[] main = {-6, 3, 9, 9}; // main AUM is only read for threshold samples
    AumCutoff cut = AumThreshold.judge(pass, threshold, 50, main);
    assertThat(cut.cutoff()).isEqualTo(-3.5);
    assertThat(cut.below()).containsExactly(true, false, true, false);
    assertThat(cut.flaggedCount()).isEqualTo(2);
  }

  @Test
  void seededSyntheticAumSeparatesMislabeledSamples() {
    Random random = new Random(42);
    int n = 2000;
    double[] pass = new double[n];
    boolean[] threshold = new boolean[n];
    boolean[] wrong = new boolean[n];
    for (int i = 0; i < n; i++) {
      threshold[i] = i % 11 == 0;
      wrong[i] = !threshold[i] && i % 5 == 1;
      double mean = threshold[i] || wrong[i] ? -3 : 4;
      pass[i] = mean + random.nextGaussian() * 0.5;
    }
    AumCutoff cut = AumThreshold.judge(pass, threshold, AumThreshold.DEFAULT_PERCENTILE, null);
    int truePositives = 0;
    int wrongCount = 0;
    for (int i = 0; i < n; i++) {
      truePositives += cut.isBelow(i) && wrong[i] ? 1 : 0;
      wrongCount += wrong[i] ? 1 : 0;
    }
    assertThat(cut.cutoff()).isBetween(-3.0, 0.0);
    assertThat((double) truePositives / cut.flaggedCount()).isEqualTo(1.0);
    assertThat((double) truePositives / wrongCount).isGreaterThan(0.95);
  }

  @Test
  void areaUnderMarginIsTheMeanOverEpochs() {
    float[][] margin = {{1, -2}, {3, -4}};
    assertThat(AumThreshold.areaUnderMargin(margin)).containsExactly(2, -3);
  }
}

package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import org.junit.jupiter.api.Test;

/** The AUM pass with threshold samples on real MNIST images with seeded symmetric noise. */
class AumThresholdPassTest {

  private static final int N = 1500;
  private static final double RATE = 0.2;

  @Test
  void flagsMislabeledSamplesFarAboveTheNoiseRateAndIsDeterministic() {
    LabeledImages clean = MnistFixture.train().head(N);
    NoisyLabels noisy = NoiseInjector.symmetric(clean.labels(), clean.numClasses(), RATE, 7);
    LabeledImages data = clean.withLabels(noisy.noisy());
    TrainingOptions options =
        TrainingOptions.builder().epochs(3).batchSize(64).seed(11).device(DeviceChoice.CPU).build();

    AumCutoff cut = new AumThresholdPass().run(data, options, null, TrainingProgress.none());

    assertThat(cut.thresholdCount()).isEqualTo(N / 11);
    assertThat(cut.sampleCount()).isEqualTo(N);
    int hits = 0;
    for (int i = 0; i < N; i++) {
      if (cut.isBelow(i)) {
        assertThat(cut.thresholdSample()[i]).as("threshold samples stay unflagged").isFalse();
        hits += noisy.flipped()[i] ? 1 : 0;
      }
    }
    double precision = (double) hits / cut.flaggedCount();
    double recall = (double) hits / noisy.flippedCount();
    assertThat(cut.flaggedCount()).isGreaterThan(50);
    assertThat(precision).as("precision vs noise rate %.2f", RATE).isGreaterThan(0.6);
    assertThat(recall).isGreaterThan(0.2);

    AumCutoff again = new AumThresholdPass().run(data, options, null, TrainingProgress.none());
    assertThat(again.cutoff()).isEqualTo(cut.cutoff());
    assertThat(again.below()).isEqualTo(cut.below());
    assertThat(again.thresholdSample()).isEqualTo(cut.thresholdSample());
  }

  @Test
  void picksAtLeastOneDistinctThresholdSampleWithTheSeed() {
    assertThat(count(AumThresholdPass.pickThresholdSamples(5, 10, 1))).isEqualTo(1);
    assertThat(count(AumThresholdPass.pickThresholdSamples(1100, 10, 1))).isEqualTo(100);
    assertThat(AumThresholdPass.pickThresholdSamples(1100, 10, 1))
        .isEqualTo(AumThresholdPass.pickThresholdSamples(1100, 10, 1))
        .isNotEqualTo(AumThresholdPass.pickThresholdSamples(1100, 10, 2));
  }

  @Test
  void refusesTooFewSamplesAndABadPercentile() {
    LabeledImages one = MnistFixture.train().head(1);
    assertThatThrownBy(
            () ->
                new AumThresholdPass()
                    .run(one, TrainingOptions.defaults(), null, TrainingProgress.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 samples");
    assertThatThrownBy(() -> new AumThresholdPass(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }
}

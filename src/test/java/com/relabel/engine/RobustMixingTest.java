package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.Evaluation;
import com.relabel.scoring.MeanLossScorer;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import com.relabel.scoring.TrainingDynamics;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustMixingTest {

  /**
   * Two clusters of 12 samples on the unit circle (class 0 near angle 0, class 1 near 90 degrees);
   * sample 3 sits in cluster 0 but is labelled 1 and has a high loss.
   */
  private static RobustMixing twoClusters() {
    int n = 24;
    int[] labels = new int[n];
    float[][] embeddings = new float[n][];
    float[] losses = new float[n];
    float[][] probabilities = new float[n][];
    for (int i = 0; i < n; i++) {
      int cluster = i < 12 ? 0 : 1;
      double angle = cluster * Math.PI / 2 + 0.01 * (i % 12);
      embeddings[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
      labels[i] = cluster;
      losses[i] = 0.01f + 0.001f * (i % 5);
      probabilities[i] = cluster == 0 ? new float[] {0.9f, 0.1f} : new float[] {0.1f, 0.9f};
    }
    labels[3] = 1;
    losses[3] = 3f;
    return RobustMixing.fit(labels, 2, embeddings, losses, probabilities, 1);
  }

  @Test
  void aSampleWithAHighLossIsReplacedByItsNeighbourhood() {
    RobustMixing mixing = twoClusters();

    assertThat(mixing.clean(3)).isLessThan(0.01f);
    assertThat(mixing.clean(0)).isGreaterThan(0.99f);
    RobustMixing.MixedBatch batch = mixing.batch(new int[] {3, 0}, 0, 2, new Random(1));
    // sample 3's partner is one of its cluster-0 neighbours, and its target is theirs: class 0
    assertThat(batch.partners()[0]).isBetween(0, 11).isNotEqualTo(3);
    assertThat(batch.weights()[0]).isLessThan(0.01f);
    assertThat(batch.targets()[0]).isGreaterThan(0.85f);
    // a clean sample trains as itself on its given label
    assertThat(batch.weights()[1]).isGreaterThan(0.99f);
    assertThat(batch.targets()[2]).isGreaterThan(0.99f);
    for (int r = 0; r < 2; r++) {
      assertThat(batch.targets()[2 * r] + batch.targets()[2 * r + 1]).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void partnersAreDrawnFromTheSeed() {
    int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 12, 13};
    RobustMixing.MixedBatch a = twoClusters().batch(order, 0, 10, new Random(5));
    RobustMixing.MixedBatch b = twoClusters().batch(order, 0, 10, new Random(5));

    assertThat(a.partners()).containsExactly(b.partners());
    assertThat(a.targets()).containsExactly(b.targets());
  }

  @Test
  void robustTrainingIsDeterministicAndKeepsTheFlippedSamplesApart() {
    LabeledImages clean = MnistFixture.train().head(1500);
    NoisyLabels noisy = NoiseInjector.symmetric(clean.labels(), 10, 0.3, 3);
    LabeledImages data = clean.withLabels(noisy.noisy());
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(4)
            .batchSize(32)
            .seed(11)
            .device(DeviceChoice.CPU)
            .robust(true)
            .build();
    ImageClassifierTrainer trainer = new ImageClassifierTrainer();

    TrainingDynamics first = trainer.train(data, options, TrainingProgress.none()).dynamics();
    TrainingDynamics second = trainer.train(data, options, TrainingProgress.none()).dynamics();
    TrainingDynamics plain =
        trainer
            .train(data, options.toBuilder().robust(false).build(), TrainingProgress.none())
            .dynamics();

    assertThat(first.loss()[3]).containsExactly(second.loss()[3]);
    // the warm-up epoch is the same training; the mixing epochs differ from plain training
    assertThat(first.loss()[0]).containsExactly(plain.loss()[0]);
    assertThat(first.loss()[3]).isNotEqualTo(plain.loss()[3]);
    double auroc = Evaluation.auroc(new MeanLossScorer().score(first).scores(), noisy.flipped());
    assertThat(auroc).isGreaterThan(0.9);
  }
}

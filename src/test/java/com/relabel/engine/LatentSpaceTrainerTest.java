package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.LatentOutlierScorer;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.TrainingDynamics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LatentSpaceTrainerTest {

  private static final TrainingOptions OPTIONS =
      TrainingOptions.builder()
          .epochs(1)
          .batchSize(64)
          .seed(13)
          .device(DeviceChoice.CPU)
          .latentEpochs(3)
          .build();

  @Test
  void latentMeansOfNoisyMnistRevealTheFlippedLabelsAndAreSeeded() {
    LabeledImages clean = MnistFixture.train().head(2000);
    boolean[] flipped = new boolean[clean.count()];
    int[] noisy = NoiseFixture.flipSymmetric(clean.labels(), 10, 0.2, 5, flipped);
    LabeledImages data = clean.withLabels(noisy);
    List<EpochStats> heard = new ArrayList<>();

    float[][] means = new LatentSpaceTrainer().latentMeans(data, OPTIONS, heard::add);
    float[][] again = new LatentSpaceTrainer().latentMeans(data, OPTIONS, TrainingProgress.none());

    assertThat(means).hasNumberOfRows(2000);
    assertThat(means[0]).hasSize(16);
    assertThat(again).isDeepEqualTo(means);
    assertThat(heard).extracting(EpochStats::epoch).containsExactly(1, 2, 3);
    assertThat(heard.getLast().trainLoss()).isLessThan(heard.getFirst().trainLoss());

    MethodScores scores = new LatentOutlierScorer().score(withLatent(noisy, means));
    double auroc = NoiseFixture.auroc(scores.scores(), flipped);
    int right = 0;
    int wrong = 0;
    for (int i = 0; i < flipped.length; i++) {
      if (flipped[i]) {
        wrong++;
        right += scores.suggestedLabels()[i] == clean.labels()[i] ? 1 : 0;
      }
    }
    System.out.printf(
        "aquavs on 2,000 MNIST, 20%% symmetric: AUROC %.4f, suggestions %.4f%n",
        auroc, (double) right / wrong);
    assertThat(auroc).isGreaterThan(0.85);
    assertThat((double) right / wrong).isGreaterThan(0.7);
  }

  /** One-epoch dynamics of ten classes around the given latent means. */
  /**
   * PyTorch has one random generator per process, and both DJL's weight initialisers and a run's
   * seed go through it: a model initialised on another thread at the same moment (a second
   * dataset's run on this node, or a background run left by another test) must not change a seeded
   * run's first weights.
   */
  @Test
  void aSeededRunKeepsItsWeightsWhileAnotherModelIsInitialisedBesideIt() throws Exception {
    LabeledImages data = MnistFixture.train().head(300);
    TrainingOptions options = OPTIONS.toBuilder().latentEpochs(1).build();
    float[][] alone = new LatentSpaceTrainer().latentMeans(data, options, TrainingProgress.none());

    AtomicBoolean stop = new AtomicBoolean();
    TrainingOptions other = OPTIONS.toBuilder().seed(99).build();
    Thread beside =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!stop.get()) {
                    try (ModelSession session = new ModelSession(data, other, 99)) {
                      session.device.getDeviceType();
                    }
                  }
                });
    try {
      for (int i = 0; i < 5; i++) {
        float[][] again =
            new LatentSpaceTrainer().latentMeans(data, options, TrainingProgress.none());
        assertThat(again).as("seeded run %d beside another", i).isDeepEqualTo(alone);
      }
    } finally {
      stop.set(true);
      beside.join();
    }
  }

  private static TrainingDynamics withLatent(int[] given, float[][] means) {
    int n = given.length;
    float[][] perEpoch = new float[1][n];
    float[][] probabilities = new float[n][10];
    for (int i = 0; i < n; i++) {
      probabilities[i][given[i]] = 1f;
    }
    TrainingDynamics plain =
        TrainingDynamics.builder()
            .givenLabels(given)
            .numClasses(10)
            .probGiven(perEpoch)
            .predicted(new int[][] {given.clone()})
            .margin(perEpoch)
            .loss(perEpoch)
            .finalProbabilities(probabilities)
            .build();
    return plain.withLatentMeans(means);
  }

  @Test
  void pipelineAddsLatentMeansAndTheRegistryScoresThem() {
    LabeledImages data = MnistFixture.train().head(300);
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(1)
            .batchSize(32)
            .seed(3)
            .device(DeviceChoice.CPU)
            .latentEpochs(1)
            .build();
    List<EpochStats> heard = new ArrayList<>();

    TrainingResult result = new NoiseTrainingPipeline().train(data, options, heard::add);

    assertThat(result.dynamics().latentMeans()).hasNumberOfRows(300);
    assertThat(heard).extracting(EpochStats::epoch).containsExactly(1, 1);
    assertThat(ScorerRegistry.forDynamics(result.dynamics()).names()).endsWith("aquavs");
  }

  @Test
  void worksOnColourImagesOfAnyShapeAndManyClasses() {
    int n = 60;
    int classes = 30;
    byte[] pixels = new byte[n * 5 * 7 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 31);
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
    }
    LabeledImages data = new LabeledImages(n, 5, 7, 3, pixels, labels, classes);

    float[][] means =
        new LatentSpaceTrainer(4, 0.1f)
            .latentMeans(
                data,
                TrainingOptions.builder()
                    .epochs(1)
                    .batchSize(16)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .latentEpochs(1)
                    .build(),
                TrainingProgress.none());

    assertThat(means).hasNumberOfRows(n);
    assertThat(means[0]).hasSize(4);
  }

  @Test
  void stopsWhenCancelledAndRefusesZeroEpochs() {
    LabeledImages data = MnistFixture.train().head(300);
    TrainingProgress cancelled =
        new TrainingProgress() {
          @Override
          public void onEpoch(EpochStats stats) {}

          @Override
          public boolean cancelled() {
            return true;
          }
        };

    assertThatThrownBy(() -> new LatentSpaceTrainer().latentMeans(data, OPTIONS, cancelled))
        .isInstanceOf(TrainingCancelledException.class);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new LatentSpaceTrainer()
                    .latentMeans(
                        data,
                        OPTIONS.toBuilder().latentEpochs(0).build(),
                        TrainingProgress.none()));
  }
}

package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.ConfidentLearning;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import com.relabel.scoring.TrainingDynamics;
import org.junit.jupiter.api.Test;

class CleaningRoundTest {

  private static final TrainingOptions SMALL =
      TrainingOptions.builder()
          .epochs(2)
          .batchSize(32)
          .seed(7)
          .device(DeviceChoice.CPU)
          .folds(2, 2)
          .build();

  @Test
  void noFoldTrainsOnAnExcludedSample() {
    LabeledImages data = MnistFixture.train().head(600);
    boolean[] threes = new boolean[data.count()];
    for (int i = 0; i < threes.length; i++) {
      threes[i] = data.labels()[i] == 3;
    }

    float[][] probabilities =
        new CrossValidatedPredictions().predict(data, 2, SMALL, TrainingProgress.none(), threes);

    // no model ever saw the label 3, so none predicts it, not even for the 3s
    for (int i = 0; i < probabilities.length; i++) {
      assertThat(probabilities[i]).hasSize(10);
      assertThat(probabilities[i][3]).as("p(3) of sample %d", i).isLessThan(0.2f);
    }
  }

  @Test
  void suspectsAreTheEnsemblesTopByTheEstimatedErrorCountAndARoundRescoresEverySample() {
    LabeledImages clean = MnistFixture.train().head(800);
    NoisyLabels noisy = NoiseInjector.symmetric(clean.labels(), 10, 0.25, 4);
    LabeledImages data = clean.withLabels(noisy.noisy());
    TrainingDynamics first =
        new NoiseTrainingPipeline().train(data, SMALL, TrainingProgress.none()).dynamics();

    boolean[] suspects = CleaningRound.suspects(first);

    int count = 0;
    int flipped = 0;
    for (int i = 0; i < suspects.length; i++) {
      count += suspects[i] ? 1 : 0;
      flipped += suspects[i] && noisy.flipped()[i] ? 1 : 0;
    }
    assertThat(count)
        .isEqualTo(Math.min(400, ConfidentLearning.of(first).estimatedErrorCount()))
        .isPositive();
    assertThat((double) flipped / count).isGreaterThan(0.5);

    TrainingDynamics second =
        new NoiseTrainingPipeline()
            .train(data, SMALL.toBuilder().cleaningRounds(1).build(), TrainingProgress.none())
            .dynamics();
    assertThat(second.sampleCount()).isEqualTo(800);
    assertThat(second.heldOutProbabilities()).hasNumberOfRows(800);
    assertThat(second.loss()[1]).isNotEqualTo(first.loss()[1]);
  }
}

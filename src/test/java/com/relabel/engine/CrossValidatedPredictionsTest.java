package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.TrainingDynamics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidatedPredictionsTest {

  private static final TrainingOptions SMALL =
      TrainingOptions.builder()
          .epochs(1)
          .batchSize(32)
          .seed(7)
          .device(DeviceChoice.CPU)
          .folds(2, 1)
          .build();

  @Test
  void foldsAreStratifiedSeededAndBalanced() {
    int[] labels = new int[103];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
    }

    int[] folds = CrossValidatedPredictions.assignFolds(labels, 3, 4, 5);

    int[][] perFoldAndClass = new int[4][3];
    int[] perFold = new int[4];
    for (int i = 0; i < labels.length; i++) {
      perFoldAndClass[folds[i]][labels[i]]++;
      perFold[folds[i]]++;
    }
    for (int f = 0; f < 4; f++) {
      assertThat(perFold[f]).isBetween(25, 26);
      for (int c = 0; c < 3; c++) {
        assertThat(perFoldAndClass[f][c]).isBetween(8, 9);
      }
    }
    assertThat(CrossValidatedPredictions.assignFolds(labels, 3, 4, 5)).containsExactly(folds);
    assertThat(CrossValidatedPredictions.assignFolds(labels, 3, 4, 6)).isNotEqualTo(folds);
  }

  @Test
  void pipelineAddsOutOfSampleProbabilitiesForEverySample() {
    LabeledImages data = MnistFixture.train().head(400);
    List<EpochStats> heard = new ArrayList<>();

    // three epochs per fold: batch norm's running statistics need a few dozen steps to settle
    TrainingOptions options = SMALL.toBuilder().folds(2, 3).build();

    TrainingResult result = new NoiseTrainingPipeline().train(data, options, heard::add);

    TrainingDynamics d = result.dynamics();
    assertThat(heard).hasSize(7);
    assertThat(heard.get(6).epoch()).isEqualTo(6);
    assertThat(heard.get(6).epochs()).isEqualTo(6);
    float[][] heldOut = d.heldOutProbabilities();
    assertThat(heldOut).hasNumberOfRows(400);
    int correct = 0;
    for (int i = 0; i < 400; i++) {
      double sum = 0;
      int best = 0;
      for (int k = 0; k < 10; k++) {
        sum += heldOut[i][k];
        best = heldOut[i][k] > heldOut[i][best] ? k : best;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-4));
      correct += best == data.labels()[i] ? 1 : 0;
    }
    assertThat(correct).isGreaterThan(200);
    assertThat(d.softTargets()).hasNumberOfRows(400);
    assertThat(d.embeddingNormsSquared()).hasNumberOfRows(1);
  }

  @Test
  void stopsWhenCancelled() {
    TrainingProgress cancelInSecondFold = new CancelAfterBatches(5);

    assertThatThrownBy(
            () ->
                new CrossValidatedPredictions()
                    .predict(MnistFixture.train().head(200), 2, SMALL, cancelInSecondFold))
        .isInstanceOf(TrainingCancelledException.class)
        .hasMessage("training cancelled in epoch 2");
  }

  @Test
  void refusesFewerThanTwoFolds() {
    assertThatThrownBy(
            () ->
                new CrossValidatedPredictions()
                    .predict(MnistFixture.train().head(10), 1, SMALL, TrainingProgress.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SMALL.toBuilder().folds(1, 1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}

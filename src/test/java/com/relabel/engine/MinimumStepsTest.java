package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinimumStepsTest {

  /** The application's defaults: batch 128, 8 epochs, 4 folds of 6 epochs. */
  private static final TrainingOptions DEFAULTS =
      TrainingOptions.builder().batchSize(128).epochs(8).folds(4, 6).build();

  private static final MinimumSteps RULE = new MinimumSteps(MinimumSteps.DEFAULT_STEPS);

  @Test
  void aSmallTableGetsASmallerBatchAndMoreEpochsForItsModelAndItsFolds() {
    TrainingOptions small = RULE.apply(DEFAULTS, 569);

    assertThat(small.batchSize()).isEqualTo(MinimumSteps.SMALLEST_BATCH);
    assertThat(steps(569, small.batchSize(), small.epochs())).isGreaterThanOrEqualTo(400);
    assertThat(steps(569 - 569 / 4, small.batchSize(), small.foldEpochs()))
        .isGreaterThanOrEqualTo(400);
    assertThat(small.epochs()).isEqualTo(23); // 18 batches of 32
    assertThat(small.foldEpochs()).isEqualTo(29); // 427 rows: 14 batches
    assertThat(small.toBuilder().batchSize(128).epochs(8).folds(4, 6).build()).isEqualTo(DEFAULTS);
  }

  @Test
  void aTinySetStopsAtTheMostEpochs() {
    TrainingOptions tiny = RULE.apply(DEFAULTS, 178);

    assertThat(tiny.batchSize()).isEqualTo(MinimumSteps.SMALLEST_BATCH);
    assertThat(tiny.epochs()).isEqualTo(MinimumSteps.MOST_EPOCHS);
    assertThat(tiny.foldEpochs()).isEqualTo(MinimumSteps.MOST_EPOCHS);
  }

  @Test
  void mnistAndFashionSizedSetsTrainExactlyAsAsked() {
    for (int samples : new int[] {20_000, 54_000, 60_000}) {
      assertThat(RULE.apply(DEFAULTS, samples)).isSameAs(DEFAULTS);
      TrainingOptions twoFolds = DEFAULTS.toBuilder().folds(2, 6).build();
      assertThat(RULE.apply(twoFolds, samples)).isSameAs(twoFolds);
      TrainingOptions noFolds = DEFAULTS.toBuilder().folds(0, 6).build();
      assertThat(RULE.apply(noFolds, samples)).isSameAs(noFolds);
    }
  }

  @Test
  void onlyTheShortPartShrinksTheBatchAndTheBatchOnlyAsFarAsNeeded() {
    // 10,000 samples: the model has 79 x 8 steps, each fold 59 x 6 = 354: the folds are short.
    TrainingOptions mid = RULE.apply(DEFAULTS, 10_000);

    assertThat(mid.batchSize()).isEqualTo(7_500 * 6 / 400);
    assertThat(mid.epochs()).isEqualTo(8);
    assertThat(mid.foldEpochs()).isEqualTo(6);
    assertThat(steps(7_500, mid.batchSize(), 6)).isGreaterThanOrEqualTo(400);
  }

  @Test
  void neverFewerEpochsNorALargerBatchThanAsked() {
    TrainingOptions careful = DEFAULTS.toBuilder().batchSize(16).epochs(200).folds(0, 6).build();

    TrainingOptions applied = RULE.apply(careful, 50);

    assertThat(applied.batchSize()).isEqualTo(16);
    assertThat(applied.epochs()).isEqualTo(200);
  }

  @Test
  void zeroTurnsTheRuleOffAndANegativeMinimumIsRefused() {
    assertThat(MinimumSteps.none().apply(DEFAULTS, 569)).isSameAs(DEFAULTS);
    assertThatThrownBy(() -> new MinimumSteps(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimum steps");
  }

  private static long steps(int samples, int batch, int epochs) {
    return (long) Math.ceilDiv(samples, batch) * epochs;
  }
}

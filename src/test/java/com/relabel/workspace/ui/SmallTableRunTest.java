package com.relabel.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.training.RunSettings;
import org.junit.jupiter.api.Test;

/** A small table's first run takes more, smaller steps; a large one keeps the defaults. */
class SmallTableRunTest {

  private static final RunSettings DEFAULTS =
      RunSettings.builder().epochs(8).batchSize(128).seed(1).build();

  @Test
  void aSmallTableTrainsBatch32For40Epochs() {
    RunSettings small = SmallTableRun.of(DEFAULTS, 569);

    assertThat(small.batchSize()).isEqualTo(32);
    assertThat(small.epochs()).isEqualTo(40);
    assertThat(small.seed()).isEqualTo(1);
  }

  @Test
  void aLargeTableKeepsTheDefaultsAndSmallerChoicesStay() {
    assertThat(SmallTableRun.of(DEFAULTS, 10_001)).isEqualTo(DEFAULTS);
    RunSettings careful = DEFAULTS.toBuilder().batchSize(16).epochs(60).build();
    assertThat(SmallTableRun.of(careful, 500)).isEqualTo(careful);
  }
}

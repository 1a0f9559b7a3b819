package com.relabel.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.engine.DeviceChoice;
import com.relabel.training.RunSettings;
import org.junit.jupiter.api.Test;

/** The Retrain dialog carries the AUM threshold checkbox and cleaning rounds into the settings. */
class RetrainDialogTest {

  private static final RunSettings DEFAULTS =
      RunSettings.builder()
          .epochs(3)
          .batchSize(64)
          .seed(7)
          .device(DeviceChoice.CPU)
          .folds(4)
          .build();

  @Test
  void theAumThresholdCheckboxStartsFromTheDefaultsAndReachesTheSettings() {
    assertThat(new RetrainDialog(null, 1, DEFAULTS, run -> {}).settings().aumThresholdPass())
        .isFalse();
    RunSettings on =
        new RetrainDialog(null, 1, DEFAULTS.toBuilder().aumThresholdPass(true).build(), run -> {})
            .settings();
    assertThat(on.aumThresholdPass()).isTrue();
    assertThat(on.folds()).isEqualTo(4);
    assertThat(on.epochs()).isEqualTo(3);
  }

  @Test
  void cleaningRoundsStartFromTheDefaultsAndReachTheSettings() {
    assertThat(new RetrainDialog(null, 1, DEFAULTS, run -> {}).settings().cleaningRounds())
        .isZero();
    RunSettings one =
        new RetrainDialog(null, 1, DEFAULTS.toBuilder().cleaningRounds(1).build(), run -> {})
            .settings();
    assertThat(one.cleaningRounds()).isEqualTo(1);
    assertThat(one.folds()).isEqualTo(4);
  }
}

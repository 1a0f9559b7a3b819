package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

  @Test
  void theBuilderStartsFromTheDefaultsAndToBuilderKeepsEverySetting() {
    TrainingOptions defaults = TrainingOptions.defaults();
    assertThat(defaults.epochs()).isEqualTo(5);
    assertThat(defaults.batchSize()).isEqualTo(128);
    assertThat(defaults.device()).isEqualTo(DeviceChoice.AUTO);
    assertThat(defaults.folds()).isZero();
    assertThat(defaults.foldEpochs()).isEqualTo(TrainingOptions.DEFAULT_FOLD_EPOCHS);

    TrainingOptions all =
        TrainingOptions.builder()
            .epochs(3)
            .batchSize(16)
            .learningRate(0.01f)
            .seed(9)
            .device(DeviceChoice.CPU)
            .softTargetMomentum(0.5f)
            .folds(4, 2)
            .model(ModelKind.MLP)
            .latentEpochs(2)
            .aumThresholdPass(true)
            .robust(true)
            .cleaningRounds(1)
            .augmentation(Augmentation.CROP)
            .build();
    assertThat(all.toBuilder().build()).isEqualTo(all);
    assertThat(all.toBuilder().seed(10).build())
        .isEqualTo(
            new TrainingOptions(
                3,
                16,
                0.01f,
                10,
                DeviceChoice.CPU,
                0.5f,
                4,
                2,
                ModelKind.MLP,
                2,
                true,
                true,
                1,
                Augmentation.CROP));
  }

  @Test
  void buildNamesTheSettingOutOfRange() {
    assertThatThrownBy(() -> TrainingOptions.builder().folds(1, 2).build())
        .hasMessageContaining("folds");
    assertThatThrownBy(() -> TrainingOptions.builder().cleaningRounds(4).build())
        .hasMessageContaining("cleaning rounds");
  }
}

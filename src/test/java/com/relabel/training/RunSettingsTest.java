package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;
import com.relabel.scoring.LatentOutlierScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

  private final RunSettings all =
      RunSettings.builder()
          .epochs(7)
          .batchSize(64)
          .learningRate(0.002f)
          .seed(3)
          .device(DeviceChoice.CPU)
          .methods(List.of("margin", LatentOutlierScorer.NAME))
          .folds(3)
          .model(ModelKind.MLP)
          .aumThresholdPass(true)
          .cleaningRounds(2)
          .build();

  @Test
  void toBuilderKeepsEverySetting() {
    assertThat(all.toBuilder().build()).isEqualTo(all);
    assertThat(all.toBuilder().model(ModelKind.CNN).build().cleaningRounds()).isEqualTo(2);
  }

  @Test
  void theOptionsCarryEverySettingAndTheVaeForAquavs() {
    TrainingOptions options = all.toOptions();
    assertThat(options.epochs()).isEqualTo(7);
    assertThat(options.batchSize()).isEqualTo(64);
    assertThat(options.seed()).isEqualTo(3);
    assertThat(options.device()).isEqualTo(DeviceChoice.CPU);
    assertThat(options.folds()).isEqualTo(3);
    assertThat(options.model()).isEqualTo(ModelKind.MLP);
    assertThat(options.aumThresholdPass()).isTrue();
    assertThat(options.cleaningRounds()).isEqualTo(2);
    assertThat(options.latentEpochs()).isEqualTo(RunSettings.LATENT_EPOCHS);
    assertThat(all.toBuilder().methods(List.of()).build().toOptions().latentEpochs()).isZero();
  }

  @Test
  void buildRefusesFoldsOfOne() {
    assertThatThrownBy(() -> RunSettings.builder().folds(1).build()).hasMessageContaining("folds");
  }

  @Test
  void everyMethodOfTheRegistryCanBeChosenForARun() {
    assertThat(TrainingRuns.methodNames())
        .isEqualTo(com.relabel.scoring.ScorerRegistry.all().names())
        .contains("margin");
  }
}

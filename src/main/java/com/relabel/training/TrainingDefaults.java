package com.relabel.training;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run settings used when nobody chose others (relabel.training.* properties). */
@Configuration
class TrainingDefaults {

  @Bean
  RunSettings defaultRunSettings(
      @Value("${relabel.training.epochs:8}") int epochs,
      @Value("${relabel.training.batch-size:128}") int batchSize,
      @Value("${relabel.training.seed:42}") long seed,
      @Value("${relabel.training.device:auto}") String device,
      @Value("${relabel.training.folds:4}") int folds,
      @Value("${relabel.training.cleaning-rounds:1}") int cleaningRounds) {
    return RunSettings.builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(1e-3f)
        .seed(seed)
        .device(DeviceChoice.valueOf(device.toUpperCase()))
        .methods(List.of())
        .folds(folds)
        .model(ModelKind.CNN)
        .aumThresholdPass(false)
        .cleaningRounds(cleaningRounds)
        .build();
  }
}

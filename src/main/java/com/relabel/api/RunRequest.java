package com.relabel.api;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.training.RunSettings;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What a pipeline asks of a new run; every field may be left out, and then the application's
 * default (the {@code relabel.training.*} properties) applies. {@code methods} empty or absent
 * means every method that applies; {@code device} is auto, cpu or gpu; {@code model} cnn, wide-cnn,
 * lenet, resnet or mlp (absent: resnet for colour images above 32x32, else cnn; decision 0046).
 */
record RunRequest(
    Integer epochs,
    Integer batchSize,
    Float learningRate,
    Long seed,
    String device,
    List<String> methods,
    Integer folds,
    String model,
    Boolean aumThresholdPass,
    Integer cleaningRounds) {

  /** A request that leaves every choice to the defaults. */
  static final RunRequest DEFAULTS =
      new RunRequest(null, null, null, null, null, null, null, null, null, null);

  /**
   * The request in a JSON body (none or {@code null}: the defaults), refusing an unknown field or a
   * value of the wrong type with the field's name, so a typo is never silently ignored.
   */
  static RunRequest of(JsonNode body) {
    RunRequest asked = ApiJson.read(body, RunRequest.class, "run settings");
    return asked == null ? DEFAULTS : asked;
  }

  RunSettings toSettings(RunSettings defaults) {
    return RunSettings.builder()
        .epochs(or(epochs, defaults.epochs()))
        .batchSize(or(batchSize, defaults.batchSize()))
        .learningRate(or(learningRate, defaults.learningRate()))
        .seed(or(seed, defaults.seed()))
        .device(device == null ? defaults.device() : device(device))
        .methods(methods == null ? defaults.methods() : methods)
        .folds(or(folds, defaults.folds()))
        .model(model == null ? defaults.model() : ModelKind.parse(model))
        .aumThresholdPass(or(aumThresholdPass, defaults.aumThresholdPass()))
        .cleaningRounds(or(cleaningRounds, defaults.cleaningRounds()))
        .build();
  }

  private static DeviceChoice device(String value) {
    try {
      return DeviceChoice.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown device '" + value + "'; known devices: auto, cpu, gpu");
    }
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}

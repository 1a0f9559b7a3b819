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
 * means every method that applies; {@code device} is auto, cpu or gpu; {@code model} cnn, wide-cnn
 * or mlp.
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
    return new RunSettings(
        or(epochs, defaults.epochs()),
        or(batchSize, defaults.batchSize()),
        or(learningRate, defaults.learningRate()),
        or(seed, defaults.seed()),
        device == null ? defaults.device() : device(device),
        methods == null ? defaults.methods() : methods,
        or(folds, defaults.folds()),
        model == null ? defaults.model() : ModelKind.parse(model),
        or(aumThresholdPass, defaults.aumThresholdPass()),
        or(cleaningRounds, defaults.cleaningRounds()));
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

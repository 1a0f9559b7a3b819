package com.relabel.api;

import com.relabel.training.DeviceChoice;
import com.relabel.training.ModelKind;
import com.relabel.training.RunSettings;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

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

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  /**
   * The request in a JSON body (none or {@code null}: the defaults), refusing an unknown field or a
   * value of the wrong type with the field's name, so a typo is never silently ignored.
   */
  static RunRequest of(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return DEFAULTS;
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object of run settings");
    }
    try {
      return JSON.treeToValue(body, RunRequest.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          "unknown field '"
              + e.getPropertyName()
              + "'; known fields: "
              + Arrays.stream(RunRequest.class.getRecordComponents())
                  .map(RecordComponent::getName)
                  .collect(Collectors.joining(", ")));
    } catch (JacksonException e) {
      String field =
          e.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      throw new IllegalArgumentException(
          "field '" + field + "': " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
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

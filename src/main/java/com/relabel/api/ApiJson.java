package com.relabel.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's JSON object into a record strictly: an unknown field or a value of the wrong
 * type is refused with the field's name (IllegalArgumentException, a 400), so a typo is never
 * silently ignored.
 */
final class ApiJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  private ApiJson() {}

  /**
   * The body as a {@code type}; {@code null} for no body or a JSON {@code null}.
   *
   * @param what what the object holds, for the message when the body is not an object
   */
  static <T extends Record> T read(JsonNode body, Class<T> type, String what) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object of " + what);
    }
    try {
      return JSON.treeToValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          "unknown field '"
              + e.getPropertyName()
              + "'; known fields: "
              + Arrays.stream(type.getRecordComponents())
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

  /** A required field that is missing: the message names it and says what it should hold. */
  static IllegalArgumentException missing(String field, String expected) {
    return new IllegalArgumentException("field '" + field + "' is required: " + expected);
  }
}

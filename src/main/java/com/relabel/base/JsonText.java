package com.relabel.base;

/**
 * JSON text written by hand where a tree would be in the way: chart options built from templates,
 * and rows streamed one by one.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code value} as a JSON string literal, or {@code null}. */
  public static String quote(String value) {
    return value == null ? "null" : '"' + escape(value) + '"';
  }

  /** {@code value} escaped for the inside of a JSON string literal. */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A finite number as JSON, or {@code null} (JSON has no NaN or infinity). */
  public static String number(Double value) {
    return value == null || !Double.isFinite(value) ? "null" : Double.toString(value);
  }
}

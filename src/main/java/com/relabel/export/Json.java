package com.relabel.export;

/** JSON string literals for rows written by hand while streaming (no tree in memory). */
final class Json {
  private Json() {}

  /** {@code value} as a JSON string literal, or {@code null}. */
  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
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
    return out.append('"').toString();
  }

  /** A finite number as JSON, or {@code null} (JSON has no NaN). */
  static String number(Double value) {
    return value == null || !Double.isFinite(value) ? "null" : Double.toString(value);
  }
}

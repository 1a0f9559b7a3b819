package com.relabel.export;

/** RFC 4180 quoting for one CSV field. */
final class Csv {
  private Csv() {}

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}

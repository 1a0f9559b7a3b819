package com.relabel.export;

import com.relabel.dataset.TableRows;

/** RFC 4180 quoting for one CSV field. */
final class Csv {
  private Csv() {}

  static String field(String value) {
    return value == null ? "" : TableRows.field(value);
  }
}

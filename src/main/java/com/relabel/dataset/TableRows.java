package com.relabel.dataset;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A table row as it is stored in {@code sample_content.text_body}: its cells as they were in the
 * file, as one RFC 4180 CSV record, so that the export gives the same table back (decision 0045).
 */
public final class TableRows {

  private TableRows() {}

  /** The cells as one CSV record (no line end). */
  public static String line(List<String> cells) {
    var out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(cells.get(i)));
    }
    return out.toString();
  }

  /** One CSV field, quoted when it holds a comma, quote or line break. */
  public static String field(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /** The cells of a stored row. */
  public static List<String> cells(String stored) {
    try {
      List<String> cells = new CsvRecords(new StringReader(stored), "stored row").next();
      return cells == null ? List.of("") : cells;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // written by line(), never malformed
    }
  }
}

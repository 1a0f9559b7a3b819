package com.relabel.dataset;

import java.io.IOException;

/**
 * A CSV or JSONL text-classification file, or a feature table, that cannot be imported: a malformed
 * quote, a missing field, empty text, bad JSON, a bad number, too few classes.
 *
 * <p>The message starts with the file name and, when the problem sits on one line, that line
 * ({@code "train.csv, line 12: ..."}).
 */
public final class TextFormatException extends IOException {

  private final String fileName;
  private final int line;

  /**
   * @param line the 1-based line the problem is on, or 0 when it concerns the whole file
   */
  public TextFormatException(String fileName, int line, String problem) {
    this(fileName, line, null, problem);
  }

  /**
   * A problem with one column, or one cell when {@code line > 0}: {@code "file, line N, column 'c':
   * problem"} (tables, decision 0045); {@code column} null leaves it out.
   */
  public TextFormatException(String fileName, int line, String column, String problem) {
    super(
        fileName
            + (line > 0 ? ", line " + line : "")
            + (column != null ? ", column '" + column + "'" : "")
            + ": "
            + problem);
    this.fileName = fileName;
    this.line = line;
  }

  /** The file the problem was found in. */
  public String fileName() {
    return fileName;
  }

  /** The 1-based line of the problem, 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}

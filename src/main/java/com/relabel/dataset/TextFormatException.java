package com.relabel.dataset;

import java.io.IOException;

/**
 * A CSV or JSONL text-classification file that cannot be imported: a malformed quote, a missing
 * field, empty text, bad JSON, too few classes.
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
    super(fileName + (line > 0 ? ", line " + line : "") + ": " + problem);
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

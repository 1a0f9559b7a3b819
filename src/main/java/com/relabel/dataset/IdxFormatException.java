package com.relabel.dataset;

import java.io.IOException;

/**
 * An IDX file that cannot be read as images or labels: truncated, wrong magic number, unsupported
 * data type, counts that disagree, labels out of range or trailing bytes.
 *
 * <p>The message always starts with the name of the offending file.
 */
public final class IdxFormatException extends IOException {

  private final String fileName;

  public IdxFormatException(String fileName, String problem) {
    super(fileName + ": " + problem);
    this.fileName = fileName;
  }

  /** The file (or resource) name the problem was found in. */
  public String fileName() {
    return fileName;
  }
}

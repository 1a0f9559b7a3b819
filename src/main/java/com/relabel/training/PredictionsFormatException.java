package com.relabel.training;

import java.io.IOException;

/**
 * A predictions file that cannot be imported. The message starts with the file name and, when the
 * problem sits on one line, that line ({@code "preds.csv, line 12: ..."}).
 */
public final class PredictionsFormatException extends IOException {

  public PredictionsFormatException(String fileName, int line, String problem) {
    super(fileName + (line > 0 ? ", line " + line : "") + ": " + problem);
  }
}

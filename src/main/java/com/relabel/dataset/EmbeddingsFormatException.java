package com.relabel.dataset;

import java.io.IOException;

/**
 * An embeddings file that cannot be attached to a dataset (decision 0044). The message starts with
 * the file name and, when the problem sits on one line or row, that place ({@code "vectors.csv,
 * line 12: ..."}, {@code "vectors.npy, row 7: ..."}); nothing of the file was stored.
 */
public final class EmbeddingsFormatException extends IOException {

  /**
   * @param place {@code "line N"} (CSV, JSON Lines), {@code "row N"} (NumPy, 0-based as NumPy
   *     counts) or empty when the problem concerns the whole file
   */
  public EmbeddingsFormatException(String fileName, String place, String problem) {
    super(fileName + (place.isEmpty() ? "" : ", " + place) + ": " + problem);
  }
}

package com.relabel.dataset;

/**
 * What a dataset's samples are. Each kind has one {@link DatasetFormat} that reads its training set
 * (decision 0048).
 */
public enum DatasetKind {
  IMAGE(false),
  TEXT(true),
  /** A feature table: rows of numeric and categorical columns (decision 0045). */
  FEATURES(true);

  private final boolean vectors;

  DatasetKind(boolean vectors) {
    this.vectors = vectors;
  }

  /**
   * Whether its samples train as 1 x D feature vectors, which only the MLP takes (decision 0016),
   * rather than as pictures.
   */
  public boolean trainsAsVectors() {
    return vectors;
  }
}

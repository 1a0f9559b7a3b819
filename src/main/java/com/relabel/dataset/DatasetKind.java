package com.relabel.dataset;

/** What a dataset's samples are. */
public enum DatasetKind {
  IMAGE,
  TEXT,
  /** A feature table: rows of numeric and categorical columns (decision 0045). */
  FEATURES
}

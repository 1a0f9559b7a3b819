package com.relabel.dataset;

/** What a dataset's samples are. */
public enum DatasetKind {
  IMAGE,
  TEXT,
  FEATURES
}

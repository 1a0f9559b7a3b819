package com.relabel.review.ui;

import com.relabel.dataset.DatasetKind;

/**
 * How the review screens show a dataset's samples: as pictures, or as text (a table row as its CSV
 * line, which the review screen also compares column by column with the suggested class). The one
 * place in the review screens that asks a dataset's kind, so that a new kind of dataset is one line
 * here, named by the compiler (decision 0048).
 */
enum SampleLook {
  PICTURE,
  TEXT,
  TABLE_ROW;

  static SampleLook of(DatasetKind kind) {
    return switch (kind) {
      case IMAGE -> PICTURE;
      case TEXT -> TEXT;
      case FEATURES -> TABLE_ROW;
    };
  }

  /** Whether a sample shows as its text (a snippet, a card) rather than as a thumbnail. */
  boolean asText() {
    return this != PICTURE;
  }

  /** Whether the review screen compares the sample's columns with the suggested class's. */
  boolean comparesColumns() {
    return this == TABLE_ROW;
  }
}

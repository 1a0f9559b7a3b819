package com.relabel.review.ui;

import java.util.List;

/** A class's display name, or its number when the dataset has no name for it. */
final class ClassNames {
  private ClassNames() {}

  static String of(List<String> classNames, int label) {
    return label >= 0 && label < classNames.size()
        ? classNames.get(label)
        : Integer.toString(label);
  }
}

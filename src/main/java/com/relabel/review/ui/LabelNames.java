package com.relabel.review.ui;

import java.util.List;

/** Shows a class as its index, with its name when the dataset gives it one ("3 · cat"). */
final class LabelNames {

  private List<String> names = List.of();

  void set(List<String> classNames) {
    names = List.copyOf(classNames);
  }

  String name(Integer label) {
    if (label == null || label < 0) {
      return "";
    }
    String index = Integer.toString(label);
    if (label >= names.size() || names.get(label).equals(index)) {
      return index;
    }
    return index + " · " + names.get(label);
  }
}

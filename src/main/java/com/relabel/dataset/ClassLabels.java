package com.relabel.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Turns label strings into class indexes in a stable order. */
final class ClassLabels {

  private ClassLabels() {}

  static boolean allIntegers(Collection<String> labels) {
    return labels.stream().allMatch(l -> l.matches("[0-9]{1,9}"));
  }

  /** The distinct names, sorted numerically when every name is an integer, else as text. */
  static List<String> sortedNames(Collection<String> labels) {
    Comparator<String> order =
        allIntegers(labels)
            ? Comparator.comparingInt((String s) -> Integer.parseInt(s))
                .thenComparing(Comparator.naturalOrder())
            : Comparator.naturalOrder();
    var set = new TreeSet<>(order);
    set.addAll(labels);
    return new ArrayList<>(set);
  }
}

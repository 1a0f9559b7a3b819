package com.relabel.dataset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a text dataset, made from the labels found in its file: sorted by name for a
 * stable class index, or by value when every label is an integer (so labels 0..K-1 keep their
 * numbers).
 */
final class TextClasses {

  /** More distinct labels than this means the label column is probably the wrong one. */
  static final int MAX_CLASSES = 1000;

  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  private TextClasses(List<String> names) {
    this.names = List.copyOf(names);
    for (int k = 0; k < names.size(); k++) {
      index.put(names.get(k), k);
    }
  }

  /**
   * The classes of these distinct labels; refuses fewer than 2 or more than {@value MAX_CLASSES}.
   */
  public static TextClasses of(Collection<String> labels, String fileName)
      throws TextFormatException {
    String tooFew = ImportLimits.classesRefusal(new java.util.TreeSet<>(labels));
    if (tooFew != null) {
      throw new TextFormatException(fileName, 0, tooFew);
    }
    if (labels.size() > MAX_CLASSES) {
      throw new TextFormatException(
          fileName,
          0,
          labels.size()
              + " distinct labels, more than "
              + MAX_CLASSES
              + ": is it the label column?");
    }
    List<String> names = new ArrayList<>(labels);
    if (names.stream().allMatch(TextClasses::isInteger)) {
      names.sort(Comparator.comparing(BigInteger::new));
    } else {
      names.sort(Comparator.naturalOrder());
    }
    return new TextClasses(names);
  }

  static boolean isInteger(String label) {
    return label.matches("-?[0-9]{1,30}");
  }

  /** The class names, indexed by class. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** The class of a label of the file. */
  public int indexOf(String label) {
    Integer k = index.get(label);
    if (k == null) {
      throw new IllegalArgumentException("unknown label '" + label + "'");
    }
    return k;
  }
}

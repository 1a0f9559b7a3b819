package com.relabel.training;

import java.util.Locale;

/** Which network a run trains. */
public enum ModelKind {
  /** {@link SmallCnn}: two convolutions for small images (at least 8x8), the default. */
  CNN,
  /**
   * {@link SmallCnn} with twice the filters (32 and 64): about 3 times the CPU time of {@link
   * #CNN}, and on MNIST with 20% symmetric noise a fifth fewer clean samples among the most
   * suspicious (docs/benchmarks.md).
   */
  WIDE_CNN,
  /**
   * {@link SmallMlp}: dense layers on the flattened input, for feature vectors (stored as 1 x d
   * "images") and usable on any image as well.
   */
  MLP;

  /** The lower-case name stored in {@code training_run.model}: cnn, wide_cnn or mlp. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code cnn} / {@code wide_cnn} (or {@code wide-cnn}) / {@code mlp}, any case; null or
   * blank means the default CNN.
   */
  public static ModelKind parse(String value) {
    if (value == null || value.isBlank()) {
      return CNN;
    }
    try {
      return valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown model '" + value + "'; known models: cnn, wide-cnn, mlp");
    }
  }

  ClassifierNetwork create(int numClasses, int height, int width) {
    return switch (this) {
      case CNN -> new SmallCnn(numClasses, height, width);
      case WIDE_CNN -> new SmallCnn(numClasses, height, width, 32);
      case MLP -> new SmallMlp(numClasses);
    };
  }
}

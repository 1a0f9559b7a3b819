package com.relabel.training;

import java.util.Locale;

/** Which network a run trains. */
public enum ModelKind {
  /** {@link SmallCnn}: two convolutions for small images (at least 8x8), the default. */
  CNN,
  /**
   * {@link SmallMlp}: dense layers on the flattened input, for feature vectors (stored as 1 x d
   * "images") and usable on any image as well.
   */
  MLP;

  /** The lower-case name stored in {@code training_run.model}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code cnn} / {@code mlp} (any case); null or blank means the default CNN. */
  public static ModelKind parse(String value) {
    if (value == null || value.isBlank()) {
      return CNN;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown model '" + value + "'; known models: cnn, mlp");
    }
  }

  ClassifierNetwork create(int numClasses, int height, int width) {
    return switch (this) {
      case CNN -> new SmallCnn(numClasses, height, width);
      case MLP -> new SmallMlp(numClasses);
    };
  }
}

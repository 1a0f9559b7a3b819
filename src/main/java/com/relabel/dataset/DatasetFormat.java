package com.relabel.dataset;

/**
 * One kind of dataset as a training run reads it: images, texts, feature tables. Each format is a
 * Spring bean that {@link DatasetFormats} finds by its {@link #kind}, as the scoring methods are
 * found by name in {@code scoring.ScorerRegistry}; {@link DatasetService#trainingSet} asks the
 * registry, never the kind. What a format reads into is one array of bytes, one sample after the
 * other ({@link LabeledImages}), so each format checks with {@link #requireOneArray} that its
 * samples fit before it allocates. Importing, exporting and showing a sample stay with each
 * format's own classes, whose inputs differ (decision 0048).
 */
interface DatasetFormat {

  /** The most elements of one Java array. */
  int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The kind of dataset this format reads; one format per kind. */
  DatasetKind kind();

  /**
   * The dataset's samples with their current labels, excluded samples left out, in sample order.
   *
   * @throws IllegalStateException when the samples do not fit one array ({@link #requireOneArray})
   *     or a sample lacks what the format reads
   */
  TrainingSet trainingSet(Dataset dataset);

  /**
   * The one check that {@code n} samples of {@code size} elements each fit the one array a training
   * set holds them in (every format alike; {@code n * size} in int arithmetic would overflow
   * silently, e.g. at 175,000 RGB 64x64 images).
   *
   * @throws IllegalStateException naming the counts and the most samples that fit
   */
  static void requireOneArray(long n, int size, String samples, String elements) {
    if (n * size > MAX_ARRAY) {
      throw new IllegalStateException(
          String.format(
              "%,d %s x %,d %s do not fit one training set (at most %,d %s)",
              n, samples, size, elements, MAX_ARRAY / size, samples));
    }
  }
}

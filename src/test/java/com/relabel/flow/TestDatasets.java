package com.relabel.flow;

import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.LabeledImages;

/** Real MNIST subsets for tests. */
public final class TestDatasets {
  private static LabeledImages train;

  private TestDatasets() {}

  /** The first {@code n} MNIST training images (read once per JVM). */
  public static synchronized LabeledImages mnist(int n) {
    if (train == null) {
      train = BundledMnist.train();
    }
    return train.head(n);
  }
}

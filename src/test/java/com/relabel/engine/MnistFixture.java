package com.relabel.engine;

import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.LabeledImages;

/** The demo MNIST training set from the classpath, read once per JVM. */
final class MnistFixture {

  private static LabeledImages train;

  private MnistFixture() {}

  static synchronized LabeledImages train() {
    if (train == null) {
      train = BundledMnist.train();
    }
    return train;
  }
}

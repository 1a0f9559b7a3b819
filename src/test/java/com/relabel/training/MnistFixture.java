package com.relabel.training;

import com.relabel.dataset.IdxReader;
import com.relabel.dataset.LabeledImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo MNIST training set from the classpath, read once per JVM. */
final class MnistFixture {

  private static LabeledImages train;

  private MnistFixture() {}

  static synchronized LabeledImages train() {
    if (train == null) {
      train = read("train");
    }
    return train;
  }

  private static LabeledImages read(String prefix) {
    String images = "/demo/mnist/" + prefix + "-images-idx3-ubyte.gz";
    String labels = "/demo/mnist/" + prefix + "-labels-idx1-ubyte.gz";
    try {
      return IdxReader.read(images, () -> open(images), labels, () -> open(labels), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = MnistFixture.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return in;
  }
}

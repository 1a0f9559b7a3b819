package com.relabel.flow;

import com.relabel.dataset.IdxReader;
import com.relabel.dataset.LabeledImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;

/** Real MNIST subsets for tests, read from the demo data on the classpath. */
public final class TestDatasets {
  private TestDatasets() {}

  public static LabeledImages mnist(int n) {
    try {
      return IdxReader.read(
              "train-images-idx3-ubyte.gz",
              () -> new ClassPathResource("demo/mnist/train-images-idx3-ubyte.gz").getInputStream(),
              "train-labels-idx1-ubyte.gz",
              () -> new ClassPathResource("demo/mnist/train-labels-idx1-ubyte.gz").getInputStream(),
              10)
          .head(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

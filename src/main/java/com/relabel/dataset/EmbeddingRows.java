package com.relabel.dataset;

import java.io.IOException;

/** Receives the vectors of an embeddings file one at a time, each already checked. */
@FunctionalInterface
public interface EmbeddingRows {

  /**
   * @param sampleIndex the sample the vector belongs to ({@code sample.sample_index})
   * @param vector its components, finite, as many as every other row's
   */
  void accept(int sampleIndex, float[] vector) throws IOException;
}

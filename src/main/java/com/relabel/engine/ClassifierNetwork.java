package com.relabel.engine;

import ai.djl.nn.Block;

/**
 * A classifier split in two so that one inference pass yields both the embedding (the penultimate
 * layer, used by kNN and self-influence) and the logits.
 */
public interface ClassifierNetwork {

  /** Inputs (NCHW floats in [0, 1]) to embeddings of {@link #EMBEDDING_SIZE} values. */
  Block embedding();

  /** Embeddings to logits. */
  Block head();

  /** Inputs to logits: the block to train. */
  Block network();

  /** Width of the embedding of every network here. */
  int EMBEDDING_SIZE = 128;
}

package com.relabel.engine;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * A classifier split in two so that one inference pass yields both the embedding (the penultimate
 * layer, used by kNN and self-influence) and the logits.
 *
 * @param embedding inputs (NCHW floats in [0, 1]) to embeddings of {@link #EMBEDDING_SIZE} values
 * @param head embeddings to logits
 * @param network inputs to logits, the embedding then the head: the block to train
 */
public record ClassifierNetwork(Block embedding, Block head, Block network) {

  /** Width of the embedding of every network here. */
  public static final int EMBEDDING_SIZE = 128;

  /** The network that runs {@code embedding} then {@code head}. */
  static ClassifierNetwork of(Block embedding, Block head) {
    return new ClassifierNetwork(embedding, head, new SequentialBlock().add(embedding).add(head));
  }
}

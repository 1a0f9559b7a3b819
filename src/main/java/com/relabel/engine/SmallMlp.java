package com.relabel.engine;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * A multilayer perceptron for feature vectors and flattened images: the input is flattened, then
 * two dense layers (256 and 128 units) with ReLU give the embedding, and a dense layer gives one
 * logit per class. It has no notion of neighbouring pixels, so on images it learns more slowly than
 * {@link SmallCnn} but needs no minimum size.
 */
final class SmallMlp implements ClassifierNetwork {

  static final int HIDDEN_SIZE = 256;

  private final SequentialBlock embedding;
  private final Block head;
  private final SequentialBlock network;

  SmallMlp(int numClasses) {
    embedding =
        new SequentialBlock()
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(HIDDEN_SIZE).build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(EMBEDDING_SIZE).build())
            .add(Activation::relu);
    head = Linear.builder().setUnits(numClasses).build();
    network = new SequentialBlock().add(embedding).add(head);
  }

  @Override
  public Block embedding() {
    return embedding;
  }

  @Override
  public Block head() {
    return head;
  }

  @Override
  public Block network() {
    return network;
  }
}

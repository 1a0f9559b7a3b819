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
final class SmallMlp {

  static final int HIDDEN_SIZE = 256;

  private SmallMlp() {}

  static ClassifierNetwork create(int numClasses) {
    SequentialBlock embedding =
        new SequentialBlock()
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(HIDDEN_SIZE).build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(ClassifierNetwork.EMBEDDING_SIZE).build())
            .add(Activation::relu);
    Block head = Linear.builder().setUnits(numClasses).build();
    return ClassifierNetwork.of(embedding, head);
  }
}

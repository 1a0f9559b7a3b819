package com.relabel.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The default network for small images, NCHW input scaled to [0, 1]: two padded 3x3 convolutions
 * (16 and 32 filters, or 32 and 64 in the wide variant), each followed by batch normalisation, ReLU
 * and 2x2 max pooling; then dropout (30%), a 128-unit dense layer with ReLU (the embedding) and a
 * dense layer with one logit per class (the head). Embedding and head are separate blocks so that
 * one inference pass yields both.
 *
 * <p>On look-alike noise this network's out-of-sample predictions are right more often than those
 * of {@link LeNet}, the earlier default, and dropout slows the memorising of wrong labels that the
 * training dynamics measure; it costs about 1.4 times the CPU time (docs/benchmarks.md, decision
 * 0029). Padding keeps every image of at least 8x8 at 2x2 or more after the two poolings. Inference
 * runs in evaluation mode: batch normalisation uses its running statistics and dropout is off.
 */
final class SmallCnn {

  /** Share of the flattened features dropped during training. */
  static final float DROPOUT = 0.3f;

  private SmallCnn() {}

  /** The default width: 16 and 32 filters. */
  static ClassifierNetwork create(int numClasses) {
    return create(numClasses, 16);
  }

  /**
   * @param filters filters of the first convolution; the second has twice as many
   */
  static ClassifierNetwork create(int numClasses, int filters) {
    SequentialBlock embedding =
        new SequentialBlock()
            .add(convolution(filters))
            .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
            .add(convolution(2 * filters))
            .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
            .add(Blocks.batchFlattenBlock())
            .add(Dropout.builder().optRate(DROPOUT).build())
            .add(Linear.builder().setUnits(ClassifierNetwork.EMBEDDING_SIZE).build())
            .add(Activation::relu);
    Block head = Linear.builder().setUnits(numClasses).build();
    return ClassifierNetwork.of(embedding, head);
  }

  /** A padded 3x3 convolution with batch normalisation and ReLU. */
  private static Block convolution(int filters) {
    return new SequentialBlock()
        .add(
            Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu);
  }
}

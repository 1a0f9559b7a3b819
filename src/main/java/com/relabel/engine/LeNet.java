package com.relabel.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The earlier default network ({@link ModelKind#LENET}), kept as the faster choice and as the fixed
 * weak model of the benchmark's instance-dependent noise: two 5x5 convolutions (16 and 32 filters)
 * each followed by ReLU and 2x2 max pooling, no batch normalisation, no dropout; then a 128-unit
 * dense layer with ReLU (the embedding) and a dense layer with one logit per class (the head).
 *
 * <p>Images of at least 20x20 get unpadded convolutions (28x28 ends in 4x4x32 features, the classic
 * LeNet shape and a third less CPU time than padding); smaller ones, down to 8x8, are padded so
 * that the feature map never shrinks below 2x2.
 */
final class LeNet {

  private LeNet() {}

  static ClassifierNetwork create(int numClasses, int height, int width) {
    int filters = 16;
    int padding = Math.min(height, width) >= 20 ? 0 : 2;
    SequentialBlock embedding =
        new SequentialBlock()
            .add(conv(filters, padding))
            .add(Activation::relu)
            .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
            .add(conv(2 * filters, padding))
            .add(Activation::relu)
            .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(ClassifierNetwork.EMBEDDING_SIZE).build())
            .add(Activation::relu);
    Block head = Linear.builder().setUnits(numClasses).build();
    return ClassifierNetwork.of(embedding, head);
  }

  private static Block conv(int filters, int padding) {
    return Conv2d.builder()
        .setKernelShape(new Shape(5, 5))
        .optPadding(new Shape(padding, padding))
        .setFilters(filters)
        .build();
  }
}

package com.relabel.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * A small residual network for colour photos up to 128x128 ({@link ModelKind#RESNET}, decision
 * 0046): a 3x3 stem convolution (16 filters) with batch normalisation and ReLU, three stages of one
 * basic residual block each (16, 32 and 64 filters; the second and third halve the feature map with
 * a stride-2 convolution and a 1x1 stride-2 shortcut), global average pooling, a 128-unit dense
 * layer with ReLU (the embedding) and a dense layer with one logit per class (the head).
 *
 * <p>The stages always work on at most 32x32: above that, the stem convolution has stride 2 (64x64
 * becomes 32x32) and above 64 a 2x2 max pooling follows it (128x128 becomes 32x32). So the CPU time
 * per image barely grows from 32 to 128 pixels, where the flattened features of {@link SmallCnn}
 * grow with the area (docs/benchmarks.md, "Colour images"). Global pooling keeps the embedding the
 * same width at every size.
 */
final class SmallResNet {

  /** Filters of the stem and of the three stages. */
  private static final int[] FILTERS = {16, 32, 64};

  private SmallResNet() {}

  static ClassifierNetwork create(int numClasses, int height, int width) {
    int side = Math.max(height, width);
    SequentialBlock embedding = new SequentialBlock().add(stem(side));
    int in = FILTERS[0];
    for (int stage = 0; stage < FILTERS.length; stage++) {
      embedding.add(basicBlock(in, FILTERS[stage], stage == 0 ? 1 : 2));
      in = FILTERS[stage];
    }
    embedding
        .add(Pool.globalAvgPool2dBlock())
        .add(Linear.builder().setUnits(ClassifierNetwork.EMBEDDING_SIZE).build())
        .add(Activation::relu);
    Block head = Linear.builder().setUnits(numClasses).build();
    return ClassifierNetwork.of(embedding, head);
  }

  /** The stem: brings images of more than 32 pixels a side down to at most 32 (see above). */
  private static Block stem(int side) {
    int stride = side > 32 ? 2 : 1;
    SequentialBlock stem =
        new SequentialBlock()
            .add(conv(FILTERS[0], 3, stride))
            .add(BatchNorm.builder().build())
            .add(Activation::relu);
    if (side > 64) {
      stem.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }
    return stem;
  }

  /**
   * conv-BN-ReLU-conv-BN plus the shortcut, then ReLU. The shortcut is the input itself when the
   * shape stays, else a 1x1 convolution with batch normalisation at the block's stride.
   */
  static Block basicBlock(int in, int out, int stride) {
    Block residual =
        new SequentialBlock()
            .add(conv(out, 3, stride))
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(conv(out, 3, 1))
            .add(BatchNorm.builder().build());
    Block shortcut =
        in == out && stride == 1
            ? Blocks.identityBlock()
            : new SequentialBlock().add(conv(out, 1, stride)).add(BatchNorm.builder().build());
    return new SequentialBlock()
        .add(
            new ParallelBlock(
                branches ->
                    new NDList(
                        branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow())),
                List.of(residual, shortcut)))
        .add(Activation::relu);
  }

  /** A k x k convolution without bias (batch normalisation follows), padded to keep the size. */
  private static Block conv(int filters, int kernel, int stride) {
    return Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(kernel / 2, kernel / 2))
        .optBias(false)
        .setFilters(filters)
        .build();
  }
}

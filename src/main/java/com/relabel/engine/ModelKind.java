package com.relabel.engine;

import java.util.Locale;

/** Which network a run trains. */
public enum ModelKind {
  /**
   * {@link SmallCnn}: two padded 3x3 convolutions with batch normalisation, and dropout, for images
   * of at least 8x8: the default (decision 0029).
   */
  CNN,
  /**
   * {@link SmallCnn} with twice the filters (32 and 64): the "thorough" setting, several times the
   * CPU time of {@link #CNN} (its second convolution alone has four times the work).
   */
  WIDE_CNN,
  /**
   * {@link LeNet}, the default before 2026-12-06: two unpadded 5x5 convolutions without batch
   * normalisation. About two thirds of the CPU time of {@link #CNN}, less precise on hard data
   * (docs/benchmarks.md); the benchmark's fixed weak model for instance-dependent noise.
   */
  LENET,
  /**
   * {@link SmallResNet}: a stem and three residual stages with batch normalisation and global
   * average pooling, for colour photos up to 128x128 (decision 0046).
   */
  RESNET,
  /**
   * {@link SmallMlp}: dense layers on the flattened input, for feature vectors (stored as 1 x d
   * "images") and usable on any image as well.
   */
  MLP;

  /**
   * The lower-case name stored in {@code training_run.model}: cnn, wide_cnn, lenet, resnet or mlp.
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code cnn} / {@code wide_cnn} (or {@code wide-cnn}) / {@code lenet} / {@code resnet} /
   * {@code mlp}, any case; null or blank means the default CNN.
   */
  public static ModelKind parse(String value) {
    if (value == null || value.isBlank()) {
      return CNN;
    }
    try {
      return valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown model '" + value + "'; known models: cnn, wide-cnn, lenet, resnet, mlp");
    }
  }

  /**
   * The network for images of this shape when nobody chose one: {@link #RESNET} for colour images
   * with a side above 32 pixels, {@link #CNN} otherwise. Above 32 the default CNN's flattened
   * features grow with the area (a 4-million-weight embedding layer at 128x128), and it trained
   * slower per image and ranked worse than the ResNet (decision 0046).
   */
  public static ModelKind defaultFor(int channels, int height, int width) {
    return channels == 3 && Math.max(height, width) > 32 ? RESNET : CNN;
  }

  ClassifierNetwork create(int numClasses, int height, int width) {
    return switch (this) {
      case CNN -> SmallCnn.create(numClasses);
      case WIDE_CNN -> SmallCnn.create(numClasses, 32);
      case LENET -> LeNet.create(numClasses, height, width);
      case RESNET -> SmallResNet.create(numClasses, height, width);
      case MLP -> SmallMlp.create(numClasses);
    };
  }
}

package com.relabel.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A supervised variational autoencoder, {@code p(x, z, y) = p(z) p(x|z) p(y|z)} (docs/methods.md,
 * "aquavs"): an MLP encoder on the flattened image ({@code D -> 512 -> 256}, ReLU) gives the mean
 * and log variance of a Gaussian latent of {@link #latentSize()} dimensions; the decoder ({@code z
 * -> 256 -> 512 -> D}) gives one logit per pixel (a sigmoid of it is the Bernoulli mean); a linear
 * classifier on {@code z} gives one logit per class.
 *
 * <p>Inputs of {@link #forward}: the images {@code (N, C, H, W)} in {@code [0, 1]} and the noise
 * {@code eps ~ N(0, I)} of shape {@code (N, latent)} for the reparameterisation {@code z = mu +
 * exp(logvar / 2) * eps}. The noise comes from the caller so that a seed fixes it without relying
 * on the engine's random generator. In evaluation mode {@code z = mu}. Outputs: {@code mu}, {@code
 * logvar}, the pixel logits {@code (N, D)} and the class logits {@code (N, K)}.
 */
final class SupervisedVae extends AbstractBlock {

  /** Latent dimensions unless told otherwise. */
  static final int DEFAULT_LATENT_SIZE = 16;

  private static final int HIDDEN_1 = 512;
  private static final int HIDDEN_2 = 256;

  private final int latentSize;
  private final Block encoder;
  private final Block meanHead;
  private final Block logVarianceHead;
  private final Block decoder;
  private final Block classifier;

  /** A VAE for images of {@code pixels = C * H * W} values and {@code numClasses} classes. */
  SupervisedVae(int pixels, int numClasses, int latentSize) {
    if (latentSize < 1) {
      throw new IllegalArgumentException("the latent needs at least 1 dimension");
    }
    this.latentSize = latentSize;
    encoder =
        addChildBlock(
            "encoder",
            new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN_1).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(HIDDEN_2).build())
                .add(Activation::relu));
    meanHead = addChildBlock("mean", Linear.builder().setUnits(latentSize).build());
    logVarianceHead = addChildBlock("logvar", Linear.builder().setUnits(latentSize).build());
    decoder =
        addChildBlock(
            "decoder",
            new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN_2).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(HIDDEN_1).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(pixels).build()));
    classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());
  }

  int latentSize() {
    return latentSize;
  }

  /** The latent means of {@code images}, {@code (N, latent)}. */
  NDArray mean(ParameterStore parameters, NDArray images, boolean training) {
    NDList hidden = encoder.forward(parameters, new NDList(images), training);
    return meanHead.forward(parameters, hidden, training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList hidden = encoder.forward(parameters, new NDList(inputs.get(0)), training);
    NDArray mu = meanHead.forward(parameters, hidden, training).singletonOrThrow();
    NDArray logVariance = logVarianceHead.forward(parameters, hidden, training).singletonOrThrow();
    NDArray z = training ? mu.add(logVariance.mul(0.5f).exp().mul(inputs.get(1))) : mu;
    NDList latent = new NDList(z);
    NDArray pixelLogits = decoder.forward(parameters, latent, training).singletonOrThrow();
    NDArray classLogits = classifier.forward(parameters, latent, training).singletonOrThrow();
    return new NDList(mu, logVariance, pixelLogits, classLogits);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape hidden = encoder.getOutputShapes(new Shape[] {inputShapes[0]})[0];
    Shape latent = meanHead.getOutputShapes(new Shape[] {hidden})[0];
    return new Shape[] {
      latent,
      latent,
      decoder.getOutputShapes(new Shape[] {latent})[0],
      classifier.getOutputShapes(new Shape[] {latent})[0]
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes[0]);
    Shape hidden = encoder.getOutputShapes(new Shape[] {inputShapes[0]})[0];
    meanHead.initialize(manager, dataType, hidden);
    logVarianceHead.initialize(manager, dataType, hidden);
    Shape latent = new Shape(hidden.get(0), latentSize);
    decoder.initialize(manager, dataType, latent);
    classifier.initialize(manager, dataType, latent);
  }
}

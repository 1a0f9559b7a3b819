package com.relabel.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.relabel.dataset.LabeledImages;
import java.util.Random;

/**
 * A fresh network ({@link SmallCnn} or {@link SmallMlp}, by {@link TrainingOptions#model()}) with
 * its DJL model and Adam trainer, initialised from a seed: the unit that the main training run,
 * every cross-validation fold and every benchmark model train with.
 */
final class ModelSession implements AutoCloseable {

  final ClassifierNetwork cnn;
  final Model model;
  final Trainer trainer;
  final Device device;
  private final int batchSize;
  private final Augmentation augmentation;
  private final Random augmentationRandom;

  /** A new model for images shaped like {@code data}'s, weights drawn from {@code seed}. */
  ModelSession(LabeledImages data, TrainingOptions options, long seed) {
    device = ImageClassifierTrainer.device(options.device());
    batchSize = options.batchSize();
    augmentation =
        options.augmentation().appliesTo(data.channels(), data.height(), data.width())
            ? options.augmentation()
            : Augmentation.NONE;
    augmentationRandom = new Random(seed * 31 + 17);
    cnn = options.model().create(data.numClasses(), data.height(), data.width());
    DefaultTrainingConfig config = ImageClassifierTrainer.adam(options, device);
    model = Model.newInstance("relabel-" + options.model().key(), device);
    try {
      model.setBlock(cnn.network());
      trainer =
          SeededWeights.drawn(
              seed,
              () -> {
                Trainer fresh = model.newTrainer(config);
                fresh.initialize(new Shape(1, data.channels(), data.height(), data.width()));
                return fresh;
              });
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * One pass over the samples {@code order} in that order, augmented as the options say; returns
   * the mean training loss.
   */
  double trainEpoch(ImageBatches batches, int[] order, int epoch, TrainingProgress progress) {
    return trainEpoch(
        order.length,
        epoch,
        progress,
        (manager, from, to) -> {
          NDList images =
              new NDList(
                  augmentation == Augmentation.NONE
                      ? batches.images(manager, order, from, to)
                      : batches.augmentedImages(
                          manager,
                          order,
                          from,
                          to,
                          augmentation == Augmentation.CROP_AND_MIRROR,
                          augmentationRandom));
          NDList labels = new NDList(batches.labels(manager, order, from, to));
          return trainer.getLoss().evaluate(labels, trainer.forward(images));
        });
  }

  /**
   * One pass in the robust mode ({@link RobustMixing}): every sample of {@code order} is replaced
   * by its mix with a neighbour and trained on the mixed soft target; partners are drawn from
   * {@code random}. Returns the mean soft-target cross-entropy.
   */
  double trainMixedEpoch(
      ImageBatches batches,
      int[] order,
      int epoch,
      TrainingProgress progress,
      RobustMixing mixing,
      Random random) {
    int k = mixing.numClasses();
    return trainEpoch(
        order.length,
        epoch,
        progress,
        (manager, from, to) -> {
          RobustMixing.MixedBatch mixed = mixing.batch(order, from, to, random);
          NDArray images =
              batches.mixedImages(manager, order, from, to, mixed.partners(), mixed.weights());
          NDArray targets = manager.create(mixed.targets(), new Shape(to - from, k));
          NDArray logits = trainer.forward(new NDList(images)).singletonOrThrow();
          return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
        });
  }

  /** The loss of one batch of samples {@code from .. to} of the epoch's order. */
  @FunctionalInterface
  private interface BatchLoss {
    NDArray compute(NDManager manager, int from, int to);
  }

  private double trainEpoch(int n, int epoch, TrainingProgress progress, BatchLoss batchLoss) {
    int batchCount = (n + batchSize - 1) / batchSize;
    double lossSum = 0;
    for (int b = 0; b < batchCount; b++) {
      if (progress.cancelled()) {
        throw new TrainingCancelledException(epoch);
      }
      int from = b * batchSize;
      int to = Math.min(n, from + batchSize);
      try (NDManager manager = trainer.getManager().newSubManager()) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray loss = batchLoss.compute(manager, from, to);
          collector.backward(loss);
          lossSum += loss.getFloat() * (to - from);
        }
        trainer.step();
      }
      progress.onBatch(epoch, b + 1, batchCount);
    }
    return lossSum / n;
  }

  /** An inference pass of this model over {@code data} (which may be another set than trained). */
  InferencePass inference(LabeledImages data) {
    return new InferencePass(cnn, model, data, batchSize);
  }

  String deviceName() {
    return ImageClassifierTrainer.deviceName(device);
  }

  @Override
  public void close() {
    try {
      trainer.close();
    } finally {
      model.close();
    }
  }
}

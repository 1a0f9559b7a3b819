package com.relabel.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.relabel.dataset.LabeledImages;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link SupervisedVae} on the given labels and returns every sample's latent mean {@code
 * mu(x_i)}, the input of the AQUAVS score ({@code scoring.LatentOutlierScorer}, docs/methods.md,
 * "aquavs").
 *
 * <p>Loss per sample: the reconstruction error (binary cross-entropy of the pixel logits against
 * the pixels / 255, summed over the {@code D = C * H * W} values) plus {@code KL(q(z|x) || N(0,
 * I))} plus {@code w} times the cross-entropy of the latent classifier, averaged over the batch;
 * Adam with {@link TrainingOptions#learningRate()}, batches of {@link TrainingOptions#batchSize()},
 * {@link TrainingOptions#latentEpochs()} epochs.
 *
 * <p>The classifier weight: the paper (Pulastya et al., arXiv:2109.05000) adds the cross-entropy
 * unweighted, but the two ELBO terms are sums over {@code D} pixels (about 100 nats for an MNIST
 * digit) while the cross-entropy is one term of at most {@code log K} nats, so an unweighted
 * classifier hardly shapes the latent space. {@code w = classifierWeightPerValue * D} keeps the
 * balance the same for every image size. The default {@value #DEFAULT_CLASSIFIER_WEIGHT_PER_VALUE}
 * per value (392 on MNIST) was the best of 0.01, 0.1 and 0.5 on 20,000 MNIST images under 20%
 * symmetric and 40% asymmetric noise (docs/benchmarks.md, "AQUAVS"); the reconstruction term still
 * ties {@code z} to what the image looks like, so a sample that looks like another class stays
 * apart from its label's cluster.
 *
 * <p>Deterministic on the CPU for a seed: weights are drawn after seeding the engine with {@link
 * TrainingOptions#seed()}, the shuffling order and the reparameterisation noise come from {@link
 * Random}s seeded from it. Samples of {@code heldOut} are not trained on, only encoded. Progress
 * reports this pass's epochs counting from 1; cancellation is polled between batches.
 */
public final class LatentSpaceTrainer {

  /** The classifier weight per image value (times {@code D}); see the class comment. */
  public static final float DEFAULT_CLASSIFIER_WEIGHT_PER_VALUE = 0.5f;

  private static final int INFERENCE_BATCH = 512;

  private final int latentSize;
  private final float classifierWeightPerValue;

  /**
   * {@value SupervisedVae#DEFAULT_LATENT_SIZE} latent dimensions, the default classifier weight.
   */
  public LatentSpaceTrainer() {
    this(SupervisedVae.DEFAULT_LATENT_SIZE, DEFAULT_CLASSIFIER_WEIGHT_PER_VALUE);
  }

  /**
   * A trainer with {@code latentSize} latent dimensions and a classifier weight of {@code
   * classifierWeightPerValue * D}.
   */
  public LatentSpaceTrainer(int latentSize, float classifierWeightPerValue) {
    if (latentSize < 1) {
      throw new IllegalArgumentException("latent size must be at least 1, was " + latentSize);
    }
    if (!(classifierWeightPerValue >= 0) || Float.isInfinite(classifierWeightPerValue)) {
      throw new IllegalArgumentException(
          "classifier weight must be finite and >= 0, was " + classifierWeightPerValue);
    }
    this.latentSize = latentSize;
    this.classifierWeightPerValue = classifierWeightPerValue;
  }

  /** Trains on every sample; see {@link #latentMeans(LabeledImages, HeldOutSplit, ...)}. */
  public float[][] latentMeans(
      LabeledImages data, TrainingOptions options, TrainingProgress progress) {
    return latentMeans(data, HeldOutSplit.NONE, options, progress);
  }

  /**
   * Trains a fresh VAE for {@code options.latentEpochs()} epochs on the given labels of the samples
   * not in {@code heldOut} and returns the latent mean of every sample, {@code [sample][dim]}.
   *
   * @throws IllegalArgumentException if {@code options.latentEpochs()} is 0 or the data cannot be
   *     trained on (no samples, fewer than 2 or more than 256 classes, labels out of range)
   */
  public float[][] latentMeans(
      LabeledImages data,
      HeldOutSplit heldOut,
      TrainingOptions options,
      TrainingProgress progress) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    if (options.latentEpochs() < 1) {
      throw new IllegalArgumentException("the latent space needs at least 1 epoch");
    }
    ImageClassifierTrainer.checkTrainable(data, ModelKind.MLP);
    int[] order = heldOut.trainingPositionsOf(data);
    int values = data.sampleSize();
    Device device = ImageClassifierTrainer.device(options.device());
    SupervisedVae vae = new SupervisedVae(values, data.numClasses(), latentSize);
    DefaultTrainingConfig config = ImageClassifierTrainer.adam(options, device);
    try (Model model = Model.newInstance("relabel-vae", device)) {
      model.setBlock(vae);
      try (Trainer trainer = model.newTrainer(config)) {
        SeededWeights.drawn(
            options.seed(),
            () -> {
              trainer.initialize(
                  new Shape(1, data.channels(), data.height(), data.width()),
                  new Shape(1, latentSize));
              return trainer;
            });
        ImageBatches batches = new ImageBatches(data);
        Random shuffler = new Random(options.seed());
        Random noise = new Random(options.seed() ^ 0x5DEECE66DL);
        float weight = classifierWeightPerValue * values;
        int epochs = options.latentEpochs();
        for (int epoch = 1; epoch <= epochs; epoch++) {
          ImageClassifierTrainer.shuffle(order, shuffler);
          long start = System.nanoTime();
          double loss =
              trainEpoch(trainer, vae, batches, order, weight, noise, options, epoch, progress);
          double trainSeconds = (System.nanoTime() - start) / 1e9;
          float[][] means = null;
          double inferenceSeconds = 0;
          if (epoch == epochs) {
            start = System.nanoTime();
            means = encode(model, vae, batches, data.count(), epoch, progress);
            inferenceSeconds = (System.nanoTime() - start) / 1e9;
          }
          progress.onEpoch(
              new EpochStats(
                  epoch,
                  epochs,
                  trainSeconds,
                  inferenceSeconds,
                  order.length / trainSeconds,
                  loss));
          if (means != null) {
            return means;
          }
        }
        throw new IllegalStateException("unreachable: at least one epoch runs");
      }
    }
  }

  /** One pass over {@code order}; returns the mean loss per sample. */
  private double trainEpoch(
      Trainer trainer,
      SupervisedVae vae,
      ImageBatches batches,
      int[] order,
      float classifierWeight,
      Random noise,
      TrainingOptions options,
      int epoch,
      TrainingProgress progress) {
    int n = order.length;
    int batchSize = options.batchSize();
    int batchCount = (n + batchSize - 1) / batchSize;
    double lossSum = 0;
    Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
    for (int b = 0; b < batchCount; b++) {
      if (progress.cancelled()) {
        throw new TrainingCancelledException(epoch);
      }
      int from = b * batchSize;
      int to = Math.min(n, from + batchSize);
      int size = to - from;
      try (NDManager manager = trainer.getManager().newSubManager()) {
        NDArray images = batches.images(manager, order, from, to);
        NDArray labels = batches.labels(manager, order, from, to);
        float[] eps = new float[size * vae.latentSize()];
        for (int j = 0; j < eps.length; j++) {
          eps[j] = (float) noise.nextGaussian();
        }
        NDArray epsilon = manager.create(eps, new Shape(size, vae.latentSize()));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList out = trainer.forward(new NDList(images, epsilon));
          NDArray mu = out.get(0);
          NDArray logVariance = out.get(1);
          NDArray pixelLogits = out.get(2);
          NDArray target = images.reshape(size, -1);
          NDArray reconstruction = binaryCrossEntropy(pixelLogits, target).sum(new int[] {1});
          NDArray kl =
              logVariance
                  .add(1)
                  .sub(mu.square())
                  .sub(logVariance.exp())
                  .sum(new int[] {1})
                  .mul(-0.5f);
          NDArray classification =
              crossEntropy.evaluate(new NDList(labels), new NDList(out.get(3)));
          NDArray loss = reconstruction.add(kl).mean().add(classification.mul(classifierWeight));
          collector.backward(loss);
          lossSum += loss.getFloat() * size;
        }
        trainer.step();
      }
      progress.onBatch(epoch, b + 1, batchCount);
    }
    return lossSum / n;
  }

  /**
   * Binary cross-entropy of sigmoid({@code logits}) against {@code target}, element-wise, in the
   * stable form {@code max(l, 0) - l t + log(1 + exp(-|l|))}.
   */
  static NDArray binaryCrossEntropy(NDArray logits, NDArray target) {
    return logits.maximum(0f).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1f).log());
  }

  private static float[][] encode(
      Model model,
      SupervisedVae vae,
      ImageBatches batches,
      int n,
      int epoch,
      TrainingProgress progress) {
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    int dims = vae.latentSize();
    float[][] means = new float[n][dims];
    for (int from = 0; from < n; from += INFERENCE_BATCH) {
      if (progress.cancelled()) {
        throw new TrainingCancelledException(epoch);
      }
      int to = Math.min(n, from + INFERENCE_BATCH);
      try (NDManager manager = model.getNDManager().newSubManager()) {
        ParameterStore parameters = new ParameterStore(manager, false);
        float[] flat =
            vae.mean(parameters, batches.images(manager, identity, from, to), false).toFloatArray();
        for (int r = 0; r < to - from; r++) {
          System.arraycopy(flat, r * dims, means[from + r], 0, dims);
        }
      }
    }
    return means;
  }
}

package com.relabel.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.relabel.dataset.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link SmallCnn} (or a {@link SmallMlp}, see {@link TrainingOptions#model()}) on
 * labelled images with DJL and records the training dynamics: after every epoch an inference pass
 * over the whole training set (in order, not shuffled).
 *
 * <p>Runs with the same seed on the CPU give the same dynamics. The seed is set on the DJL engine,
 * which is process-wide: runs in parallel threads disturb each other's initialisation.
 */
public final class ImageClassifierTrainer implements ImageTrainer {

  /**
   * Like {@link #train(LabeledImages, TrainingOptions, TrainingProgress)}, but the samples of
   * {@code split.heldOut()} are never trained on: they are only inferred after every epoch, so
   * their dynamics are those of unseen data.
   */
  @Override
  public TrainingResult train(
      SplitImages split, TrainingOptions options, TrainingProgress progress) {
    LabeledImages data = split.images();
    checkTrainable(data, options, progress);
    int[] order = split.trainingPositions();
    try (ModelSession session = new ModelSession(data, options, options.seed())) {
      return run(data, order, options, progress, session);
    }
  }

  /**
   * Trains a fresh model (weights from {@code options.seed()}) for {@code options.epochs()} epochs
   * on the samples {@code trainIndices} of {@code train}, recording no dynamics, then returns the
   * softmax vector of every sample {@code predictIndices[j]} of {@code predict} as row {@code j}.
   * {@code predict} must have images of {@code train}'s shape and its number of classes; it may be
   * {@code train} itself (held-out folds) or a test set. Epochs reported to {@code progress} count
   * from 1 within this call.
   */
  public float[][] trainAndPredict(
      LabeledImages train,
      int[] trainIndices,
      LabeledImages predict,
      int[] predictIndices,
      TrainingOptions options,
      TrainingProgress progress) {
    checkTrainable(train, options, progress);
    if (trainIndices.length == 0) {
      throw new IllegalArgumentException("no samples to train on");
    }
    if (predict.height() != train.height()
        || predict.width() != train.width()
        || predict.channels() != train.channels()
        || predict.numClasses() != train.numClasses()) {
      throw new IllegalArgumentException("the images to predict differ in shape or classes");
    }
    try (ModelSession session = new ModelSession(train, options, options.seed())) {
      ImageBatches batches = new ImageBatches(train);
      Random shuffler = new Random(options.seed());
      int[] order = trainIndices.clone();
      int epochs = options.epochs();
      for (int epoch = 1; epoch <= epochs; epoch++) {
        shuffle(order, shuffler);
        long start = System.nanoTime();
        double loss = session.trainEpoch(batches, order, epoch, progress);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double inferenceSeconds = 0;
        float[][] probabilities = null;
        if (epoch == epochs) {
          start = System.nanoTime();
          probabilities = session.inference(predict).probabilities(predictIndices, epoch, progress);
          inferenceSeconds = (System.nanoTime() - start) / 1e9;
        }
        progress.onEpoch(
            new EpochStats(
                epoch, epochs, trainSeconds, inferenceSeconds, order.length / trainSeconds, loss));
        if (probabilities != null) {
          return probabilities;
        }
      }
      throw new IllegalStateException("unreachable: at least one epoch runs");
    }
  }

  private TrainingResult run(
      LabeledImages data,
      int[] order,
      TrainingOptions options,
      TrainingProgress progress,
      ModelSession session) {
    int epochs = options.epochs();
    ImageBatches batches = new ImageBatches(data);
    InferencePass inference = session.inference(data);
    DynamicsRecorder recorder =
        new DynamicsRecorder(
            data.labels(), data.numClasses(), epochs, options.softTargetMomentum());
    Random shuffler = new Random(options.seed());
    Random partners = new Random(options.seed() ^ 0x5DEECE66DL);
    int warmUp = options.robust() ? options.robustWarmUpEpochs() : epochs;
    RobustMixing mixing = null;
    List<EpochStats> stats = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, shuffler);
      long start = System.nanoTime();
      double loss =
          mixing == null
              ? session.trainEpoch(batches, order, epoch, progress)
              : session.trainMixedEpoch(batches, order, epoch, progress, mixing, partners);
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      boolean mixesNext = epoch >= warmUp && epoch < epochs;
      inference.run(epoch, epoch == epochs || mixesNext, recorder, progress);
      if (mixesNext) {
        mixing = remix(mixing, recorder, epoch);
      }
      double inferenceSeconds = (System.nanoTime() - start) / 1e9;
      EpochStats epochStats =
          new EpochStats(
              epoch, epochs, trainSeconds, inferenceSeconds, order.length / trainSeconds, loss);
      stats.add(epochStats);
      progress.onEpoch(epochStats);
    }
    return new TrainingResult(recorder.toDynamics(), session.deviceName(), stats);
  }

  /**
   * The robust mode's mixing for the epoch after {@code epoch}: fitted on the warm-up's embeddings
   * the first time, re-weighted with each later epoch's losses and predictions.
   */
  private static RobustMixing remix(RobustMixing mixing, DynamicsRecorder recorder, int epoch) {
    float[] losses = recorder.loss(epoch - 1);
    float[][] probabilities = recorder.latestProbabilities();
    if (mixing == null) {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      return RobustMixing.fit(
          recorder.labels(),
          recorder.numClasses(),
          recorder.latestEmbeddings(),
          losses,
          probabilities,
          threads);
    }
    mixing.update(losses, probabilities);
    return mixing;
  }

  static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /**
   * Where a model with this choice trains on this machine, as a run records it ({@code "cpu"},
   * {@code "gpu(0)"}): the Spring side asks before training starts, so the run shows it at once.
   */
  public static String deviceFor(DeviceChoice choice) {
    return deviceName(device(choice));
  }

  /**
   * Adam at the options' learning rate on {@code device}, with the softmax cross-entropy loss that
   * every model here trains with (the VAE adds its own terms).
   */
  static DefaultTrainingConfig adam(TrainingOptions options, Device device) {
    return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(
            Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build())
        .optDevices(new Device[] {device});
  }

  /** The DJL device for {@code choice} on this machine. */
  static Device device(DeviceChoice choice) {
    return chooseDevice(choice, Engine.getInstance().getGpuCount());
  }

  static Device chooseDevice(DeviceChoice choice, int gpuCount) {
    return switch (choice) {
      case CPU -> Device.cpu();
      case GPU -> {
        if (gpuCount == 0) {
          throw new IllegalStateException("GPU requested but DJL sees none");
        }
        yield Device.gpu();
      }
      case AUTO -> gpuCount > 0 ? Device.gpu() : Device.cpu();
    };
  }

  static String deviceName(Device device) {
    return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
  }

  /** Refuses missing options or progress, and data that the options' model cannot learn from. */
  private static void checkTrainable(
      LabeledImages data, TrainingOptions options, TrainingProgress progress) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    checkTrainable(data, options.model());
  }

  static void checkTrainable(LabeledImages data) {
    checkTrainable(data, ModelKind.CNN);
  }

  /** Refuses data that {@code model} cannot learn from: the CNN needs images of at least 8x8. */
  static void checkTrainable(LabeledImages data, ModelKind model) {
    if (data.count() == 0) {
      throw new IllegalArgumentException("no images to train on");
    }
    if (model != ModelKind.MLP && (data.height() < 8 || data.width() < 8)) {
      throw new IllegalArgumentException(
          "images must be at least 8x8, were " + data.height() + "x" + data.width());
    }
    if (data.numClasses() < 2 || data.numClasses() > 256) {
      throw new IllegalArgumentException("2 to 256 classes are needed, found " + data.numClasses());
    }
    int[] labels = data.labels();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= data.numClasses()) {
        throw new IllegalArgumentException(
            "label %d of sample %d is outside [0, %d)".formatted(labels[i], i, data.numClasses()));
      }
    }
  }
}

package com.relabel.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.relabel.dataset.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link SmallCnn} on labelled images with DJL and records the training dynamics: after
 * every epoch an inference pass over the whole training set (in order, not shuffled).
 *
 * <p>Runs with the same seed on the CPU give the same dynamics. The seed is set on the DJL engine,
 * which is process-wide: runs in parallel threads disturb each other's initialisation.
 */
public final class ImageClassifierTrainer {

  public TrainingResult train(
      LabeledImages data, TrainingOptions options, TrainingProgress progress) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    checkTrainable(data);
    Device device = chooseDevice(options.device(), Engine.getInstance().getGpuCount());
    Engine.getInstance().setRandomSeed(Long.hashCode(options.seed()));
    SmallCnn cnn = new SmallCnn(data.numClasses(), data.height(), data.width());
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(
                Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(options.learningRate()))
                    .build())
            .optDevices(new Device[] {device});
    try (Model model = Model.newInstance("relabel-cnn", device)) {
      model.setBlock(cnn.network());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, data.channels(), data.height(), data.width()));
        return run(data, options, progress, cnn, model, trainer, deviceName(device));
      }
    }
  }

  private TrainingResult run(
      LabeledImages data,
      TrainingOptions options,
      TrainingProgress progress,
      SmallCnn cnn,
      Model model,
      Trainer trainer,
      String deviceName) {
    int n = data.count();
    int epochs = options.epochs();
    ImageBatches batches = new ImageBatches(data);
    InferencePass inference = new InferencePass(cnn, model, data, options.batchSize());
    DynamicsRecorder recorder = new DynamicsRecorder(data.labels(), data.numClasses(), epochs);
    Random shuffler = new Random(options.seed());
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<EpochStats> stats = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, shuffler);
      long start = System.nanoTime();
      double loss = trainEpoch(trainer, batches, order, options.batchSize(), epoch, progress);
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      inference.run(epoch, epoch == epochs, recorder, progress);
      double inferenceSeconds = (System.nanoTime() - start) / 1e9;
      EpochStats epochStats =
          new EpochStats(epoch, epochs, trainSeconds, inferenceSeconds, n / trainSeconds, loss);
      stats.add(epochStats);
      progress.onEpoch(epochStats);
    }
    return new TrainingResult(recorder.toDynamics(), deviceName, stats);
  }

  /** One pass over the shuffled samples; returns the mean training loss. */
  private static double trainEpoch(
      Trainer trainer,
      ImageBatches batches,
      int[] order,
      int batchSize,
      int epoch,
      TrainingProgress progress) {
    int n = order.length;
    int batchCount = (n + batchSize - 1) / batchSize;
    double lossSum = 0;
    for (int b = 0; b < batchCount; b++) {
      if (progress.cancelled()) {
        throw new TrainingCancelledException(epoch);
      }
      int from = b * batchSize;
      int to = Math.min(n, from + batchSize);
      try (NDManager manager = trainer.getManager().newSubManager()) {
        NDList images = new NDList(batches.images(manager, order, from, to));
        NDList labels = new NDList(batches.labels(manager, order, from, to));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray loss = trainer.getLoss().evaluate(labels, trainer.forward(images));
          collector.backward(loss);
          lossSum += loss.getFloat() * (to - from);
        }
        trainer.step();
      }
      progress.onBatch(epoch, b + 1, batchCount);
    }
    return lossSum / n;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
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

  private static void checkTrainable(LabeledImages data) {
    if (data.count() == 0) {
      throw new IllegalArgumentException("no images to train on");
    }
    if (data.height() < 8 || data.width() < 8) {
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

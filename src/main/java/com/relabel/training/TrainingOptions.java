package com.relabel.training;

/**
 * Settings of one training run.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per optimizer step, at least 1
 * @param learningRate Adam learning rate, greater than 0
 * @param seed seeds weight initialisation and the shuffling order
 * @param device where to train
 */
public record TrainingOptions(
    int epochs, int batchSize, float learningRate, long seed, DeviceChoice device) {

  public TrainingOptions {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
    }
    if (device == null) {
      throw new IllegalArgumentException("device must be given");
    }
  }

  /** 5 epochs, batch 128, Adam 1e-3, seed 42, automatic device. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(5, 128, 1e-3f, 42, DeviceChoice.AUTO);
  }

  public TrainingOptions withEpochs(int newEpochs) {
    return new TrainingOptions(newEpochs, batchSize, learningRate, seed, device);
  }

  public TrainingOptions withSeed(long newSeed) {
    return new TrainingOptions(epochs, batchSize, learningRate, newSeed, device);
  }

  public TrainingOptions withDevice(DeviceChoice newDevice) {
    return new TrainingOptions(epochs, batchSize, learningRate, seed, newDevice);
  }
}

package com.relabel.training;

import java.util.List;

/** What an admin (or the demo) chooses for a run. */
public record RunSettings(
    int epochs,
    int batchSize,
    float learningRate,
    long seed,
    DeviceChoice device,
    List<String> methods) {

  public RunSettings {
    if (epochs < 1 || epochs > 500) {
      throw new IllegalArgumentException("epochs must be between 1 and 500, not " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
    }
    methods = List.copyOf(methods);
  }

  TrainingOptions toOptions() {
    return new TrainingOptions(epochs, batchSize, learningRate, seed, device);
  }
}

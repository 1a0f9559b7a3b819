package com.relabel.cli;

import com.relabel.engine.Augmentation;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.MinimumSteps;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;

/**
 * The training options that {@code relabel score} and {@code relabel bench} both take, read the
 * same way: one place turns them into {@link TrainingOptions}, and a command adds its own.
 */
interface TrainingArguments {

  int epochs();

  int batchSize();

  long seed();

  DeviceChoice device();

  int folds();

  int foldEpochs();

  boolean aumThreshold();

  int latentEpochs();

  int rounds();

  /** The network, or null where the command picks one by the data's shape. */
  ModelKind model();

  Augmentation augmentation();

  /** The fewest optimiser steps of the model and of each fold (decision 0050). */
  MinimumSteps minimumSteps();

  /**
   * {@code --min-steps} ({@link MinimumSteps}; default {@value MinimumSteps#DEFAULT_STEPS}, 0 =
   * off).
   */
  static MinimumSteps minimumSteps(Options o) {
    return new MinimumSteps(
        o.get(
            "--min-steps",
            (f, v) -> (int) OptionValues.atLeast(f, v, 0),
            MinimumSteps.DEFAULT_STEPS));
  }

  /** The options these arguments ask for, learning rate 1e-3; not built yet. */
  default TrainingOptions.Builder trainingOptions() {
    return TrainingOptions.builder()
        .epochs(epochs())
        .batchSize(batchSize())
        .learningRate(1e-3f)
        .seed(seed())
        .device(device())
        .folds(folds(), foldEpochs())
        .aumThresholdPass(aumThreshold())
        .latentEpochs(latentEpochs())
        .cleaningRounds(rounds())
        .model(model())
        .augmentation(augmentation());
  }
}

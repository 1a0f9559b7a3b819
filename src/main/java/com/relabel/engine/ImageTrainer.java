package com.relabel.engine;

import com.relabel.dataset.LabeledImages;

/**
 * Trains on labelled images and returns what the training recorded: {@link ImageClassifierTrainer}
 * (one run) and {@link NoiseTrainingPipeline} (the run and its extra passes) answer the same way.
 */
public interface ImageTrainer {

  /**
   * Trains without ever training on the samples of {@code data.heldOut()}: they are only inferred
   * after every epoch, so their dynamics are those of unseen data.
   */
  TrainingResult train(SplitImages data, TrainingOptions options, TrainingProgress progress);

  /** Trains on every sample. */
  default TrainingResult train(
      LabeledImages data, TrainingOptions options, TrainingProgress progress) {
    return train(SplitImages.all(data), options, progress);
  }
}

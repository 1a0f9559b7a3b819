package com.relabel.engine;

/** Hears how a training run advances and may ask it to stop. Called on the training thread. */
public interface TrainingProgress {

  /** After each epoch's training and inference pass. */
  void onEpoch(EpochStats stats);

  /** After each training batch; {@code epoch} and {@code batch} count from 1. */
  default void onBatch(int epoch, int batch, int batches) {}

  /**
   * Polled between batches; {@code true} stops the run with a {@link TrainingCancelledException}.
   */
  default boolean cancelled() {
    return false;
  }

  /** Listens to nothing and never cancels. */
  static TrainingProgress none() {
    return stats -> {};
  }
}

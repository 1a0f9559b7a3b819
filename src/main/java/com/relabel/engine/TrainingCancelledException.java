package com.relabel.engine;

/** Thrown by the trainer when {@link TrainingProgress#cancelled()} asked it to stop. */
public final class TrainingCancelledException extends RuntimeException {

  private final int epoch;

  public TrainingCancelledException(int epoch) {
    super("training cancelled in epoch " + epoch);
    this.epoch = epoch;
  }

  /** The epoch that was running, counting from 1. */
  public int epoch() {
    return epoch;
  }
}

package com.relabel.training;

/** The life of a training run. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isActive() {
    return this == QUEUED || this == RUNNING;
  }
}

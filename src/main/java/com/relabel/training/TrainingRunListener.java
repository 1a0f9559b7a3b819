package com.relabel.training;

/**
 * Hears the runs that this node executes, on the training thread: a seam for monitoring, and for
 * integration tests that count executions or inject a fault mid-run (an exception thrown here fails
 * the run like any training error). Every bean of this type is called.
 */
interface TrainingRunListener {

  /** This node has claimed run {@code runId} and starts training it. */
  default void started(long runId) {}

  /** After every training batch of run {@code runId}; {@code epoch} and {@code batch} from 1. */
  default void batch(long runId, int epoch, int batch) {}
}

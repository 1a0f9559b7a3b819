package com.relabel.training;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Polls a run until it gets somewhere, for integration tests. */
public final class RunWaits {
  private RunWaits() {}

  public static TrainingRun until(
      TrainingRuns runs, long runId, Predicate<TrainingRun> done, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      TrainingRun run = runs.get(runId);
      if (done.test(run)) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "run " + runId + " did not get there in " + timeout + ": " + runs.get(runId).getStatus());
  }

  /** Polls the run until it has ended (succeeded, failed or cancelled). */
  public static TrainingRun finished(TrainingRuns runs, long runId, Duration timeout)
      throws InterruptedException {
    return until(runs, runId, run -> !run.getStatus().isActive(), timeout);
  }
}

package com.relabel.training;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Polls a run until it gets somewhere, for integration tests. */
final class RunWaits {
  private RunWaits() {}

  static TrainingRun until(
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
}

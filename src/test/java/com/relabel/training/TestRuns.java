package com.relabel.training;

import com.relabel.scoring.ExpectedYield;

/** Runs for tests of other packages (the views), made without a database. */
public final class TestRuns {

  private TestRuns() {}

  /** An imported run that succeeded, expecting these wrong labels in its top 100 and 1,000. */
  public static TrainingRun succeeded(double top100, double top1000) {
    TrainingRun run = TrainingRun.imported(1, 2_000, "admin");
    run.succeed("imported", 120, new ExpectedYield(top100, top1000), null);
    return run;
  }

  /**
   * A run asked for 8 epochs of batch 128 that trains 43 of batch 32, as the minimum-steps rule
   * makes it for a small set (decision 0050).
   */
  public static TrainingRun raisedByMinimumSteps() {
    var asked =
        RunSettings.builder().epochs(8).batchSize(128).learningRate(0.001f).seed(42).build();
    TrainingRun run = new TrainingRun(1, asked, "admin");
    run.start(300);
    run.trainsWith(43, 32);
    return run;
  }

  /** A run that failed before it had any scores. */
  public static TrainingRun failed() {
    TrainingRun run = TrainingRun.imported(1, 2_000, "admin");
    run.fail(RunStatus.FAILED, "out of memory");
    return run;
  }
}

package com.relabel.training;

import java.util.Optional;

/**
 * Where a run's {@link MeasuredYield} comes from. The review module owns the decisions and
 * implements it, so the training module's views read what reviewers found without depending on the
 * review module (which depends on this one).
 */
public interface MeasuredYields {

  /**
   * What reviewers found in {@code run}'s queue: the samples it scored that were decided from the
   * moment it became the dataset's active ranking until the next run replaced it (decisions made
   * before, in another run's queue, do not count). Empty for a run that has not succeeded.
   */
  Optional<MeasuredYield> of(TrainingRun run);
}

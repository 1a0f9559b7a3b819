package com.relabel.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's {@link MeasuredYield} comes from. The review module owns the decisions and
 * implements it, so the training module's views read what reviewers found without depending on the
 * review module (which depends on this one).
 */
public interface MeasuredYields {

  /**
   * What reviewers found in {@code run}'s queue: the samples it scored that were decided while it
   * was the dataset's active ranking, from each time it became active (when it succeeded and took
   * over, or when an admin activated it) until another run did (decisions made in another run's
   * queue do not count). Empty for a run that has not succeeded or never ranked the queue.
   */
  Optional<MeasuredYield> of(TrainingRun run);

  /**
   * {@link #of(TrainingRun)} of each run, by run id (runs without a yield left out). The
   * implementation reads a dataset's runs at once.
   */
  default Map<Long, MeasuredYield> of(List<TrainingRun> runs) {
    Map<Long, MeasuredYield> yields = new HashMap<>();
    for (TrainingRun run : runs) {
      of(run).ifPresent(y -> yields.put(run.getId(), y));
    }
    return yields;
  }
}

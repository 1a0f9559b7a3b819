package com.relabel.training;

/**
 * How a run's ranking compares with an earlier run's, and with the reviewers' corrections.
 *
 * <p>The <em>top of the queue</em> of a run is its {@code topK} samples with the highest ensemble
 * score (ties by sample id, the queue's order), where {@code topK} is the run's estimated number of
 * label errors, or {@value RunComparisons#DEFAULT_TOP_K} when it estimated none, and at most the
 * number of samples it scored. The earlier run's top uses the same {@code topK}.
 *
 * @param runId the run
 * @param previousRunId the run compared with (the dataset's active run before this one), or null
 * @param topK size of the top of the queue
 * @param movedIntoTop samples in this run's top but not in the earlier run's (all of the top when
 *     there is no earlier run)
 * @param movedOutOfTop samples in the earlier run's top but not in this run's
 * @param correctionsBefore samples reviewers had CORRECTED before this run started (that the run
 *     scored)
 * @param correctionsAgreed of those, how many this run suggests the corrected label for
 */
public record RunComparison(
    long runId,
    Long previousRunId,
    int topK,
    int movedIntoTop,
    int movedOutOfTop,
    int correctionsBefore,
    int correctionsAgreed) {

  /** Share of the earlier corrections the run agrees with, or NaN when there were none. */
  public double agreementRate() {
    return correctionsBefore == 0 ? Double.NaN : (double) correctionsAgreed / correctionsBefore;
  }
}

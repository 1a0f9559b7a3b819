package com.relabel.api;

import com.relabel.review.QueueIssue;
import java.util.Map;

/**
 * How many samples have each issue other than a wrong label in the dataset's active run (decision
 * 0043), counted as the queue's {@code issue} filter counts them: {@code nearDuplicate} includes
 * {@code duplicateOtherLabel}, and a pair is two samples. {@code runId} is null, and every count 0,
 * before the first run; a run without embeddings finds none.
 */
record ApiIssueCounts(
    long datasetId, Long runId, long nearDuplicate, long duplicateOtherLabel, long outlier) {

  static ApiIssueCounts of(long datasetId, Long runId, Map<QueueIssue, Long> counts) {
    return new ApiIssueCounts(
        datasetId,
        runId,
        counts.getOrDefault(QueueIssue.NEAR_DUPLICATE, 0L),
        counts.getOrDefault(QueueIssue.DUPLICATE_OTHER_LABEL, 0L),
        counts.getOrDefault(QueueIssue.OUTLIER, 0L));
  }
}

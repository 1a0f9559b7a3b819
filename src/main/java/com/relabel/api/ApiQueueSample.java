package com.relabel.api;

import com.relabel.review.QueueItem;
import com.relabel.review.SampleIssue;
import java.time.Instant;
import java.util.List;

/**
 * The sample the review queue leased to the caller: {@code sample} is its number in the dataset
 * (the one the review view's address, the exports and the audit trail use), {@code version} what a
 * decision on it must send back, {@code leaseExpiresAt} when the queue may give it to someone else,
 * {@code issues} its near-duplicates and outlier flag in the run (decision 0043; empty: none).
 */
record ApiQueueSample(
    long datasetId,
    int sample,
    long version,
    int givenLabel,
    String givenClass,
    int originalLabel,
    Integer suggestedLabel,
    String suggestedClass,
    Double suggestedProbability,
    double score,
    List<String> flaggedBy,
    long runId,
    Instant leaseExpiresAt,
    List<ApiSampleIssue> issues) {

  static ApiQueueSample of(
      long datasetId,
      QueueItem item,
      List<String> classes,
      Instant leaseExpiresAt,
      List<SampleIssue> issues) {
    return new ApiQueueSample(
        datasetId,
        item.sampleIndex(),
        item.version(),
        item.currentLabel(),
        nameOf(classes, item.currentLabel()),
        item.originalLabel(),
        item.suggestedLabel(),
        item.suggestedLabel() == null ? null : nameOf(classes, item.suggestedLabel()),
        item.suggestedProbability(),
        item.score(),
        item.flaggedBy(),
        item.runId(),
        leaseExpiresAt,
        ApiSampleIssue.of(issues, item.currentLabel()));
  }

  private static String nameOf(List<String> classes, int label) {
    return label >= 0 && label < classes.size() ? classes.get(label) : Integer.toString(label);
  }
}

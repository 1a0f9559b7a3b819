package com.relabel.review;

import java.util.List;

/**
 * A sample as the review queue shows it. {@code version} is what the reviewer saw: a decision made
 * on it fails if someone else decided the sample in between.
 */
public record QueueItem(
    long sampleId,
    int sampleIndex,
    long version,
    int currentLabel,
    int originalLabel,
    double score,
    Integer suggestedLabel,
    Double suggestedProbability,
    List<String> flaggedBy,
    long runId) {

  /** This sample as a reviewer saw it at {@code seenVersion}: a decision on it checks that one. */
  public QueueItem atVersion(long seenVersion) {
    return seenAs(seenVersion, currentLabel);
  }

  /** This sample as it was shown with {@code shownLabel}, before a decision changed its label. */
  public QueueItem withLabel(int shownLabel) {
    return seenAs(version, shownLabel);
  }

  private QueueItem seenAs(long seenVersion, int shownLabel) {
    return new QueueItem(
        sampleId,
        sampleIndex,
        seenVersion,
        shownLabel,
        originalLabel,
        score,
        suggestedLabel,
        suggestedProbability,
        flaggedBy,
        runId);
  }
}

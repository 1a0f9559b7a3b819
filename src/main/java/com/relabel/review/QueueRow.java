package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import java.time.Instant;
import java.util.List;

/**
 * One row of the queue grid. {@code score} is the score of the method the grid is sorted by; {@code
 * version} is what the reviewer saw, so a bulk decision skips the sample if it changed.
 */
public record QueueRow(
    long sampleId,
    int sampleIndex,
    int givenLabel,
    int originalLabel,
    Integer suggestedLabel,
    Double suggestedProbability,
    double score,
    SampleStatus status,
    String region,
    List<String> flaggedBy,
    String decidedBy,
    Instant decidedAt,
    long version) {

  /** The position right after this row. */
  public Cursor cursor() {
    return new Cursor(score, sampleId);
  }
}

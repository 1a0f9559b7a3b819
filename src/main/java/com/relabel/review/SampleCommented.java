package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import java.time.Instant;

/**
 * A reviewer left a comment on a sample: published inside the transaction that checked the sample,
 * and kept by the audit trail as its own row (action {@value #ACTION}) with the text. The sample's
 * label and status are as they were.
 */
public record SampleCommented(
    long datasetId,
    long sampleId,
    int sampleIndex,
    String actor,
    int label,
    SampleStatus status,
    String text,
    Instant occurredAt) {

  /** The audit action of a comment. */
  public static final String ACTION = "COMMENT";
}

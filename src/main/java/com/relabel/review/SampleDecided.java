package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import java.time.Instant;

/** A reviewer decided a sample: published inside the transaction that changed the label. */
public record SampleDecided(
    long datasetId,
    long sampleId,
    int sampleIndex,
    String actor,
    ReviewAction action,
    int oldLabel,
    int newLabel,
    SampleStatus oldStatus,
    SampleStatus newStatus,
    Double score,
    Long runId,
    Instant occurredAt) {}

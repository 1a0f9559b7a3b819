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
    long runId) {}

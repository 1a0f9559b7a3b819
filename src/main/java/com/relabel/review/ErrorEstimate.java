package com.relabel.review;

/**
 * How many wrong labels are probably left in a dataset.
 *
 * @param runId the active run whose estimate this starts from
 * @param estimatedAtRun the run's estimate of label errors among the samples it trained on
 * @param fixedSince samples corrected or excluded since that run started
 * @param estimatedLeft {@code max(0, min(open, estimatedAtRun - fixedSince))}
 */
public record ErrorEstimate(long runId, int estimatedAtRun, long fixedSince, long estimatedLeft) {}

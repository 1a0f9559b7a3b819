package com.relabel.review;

/**
 * A reviewer's newest step in a dataset, as the audit trail recorded it: which sample, which action
 * ({@link ReviewAction} name) and the label the sample had before it.
 */
public record LastDecision(long sampleId, int sampleIndex, String action, int oldLabel) {}

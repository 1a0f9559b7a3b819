package com.relabel.review;

/**
 * A position in the queue's order (score descending, then sample id ascending): the next page
 * starts right after the row with this score and sample id. Keyset paging, never an offset.
 */
public record Cursor(double score, long sampleId) {}

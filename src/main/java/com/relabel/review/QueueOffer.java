package com.relabel.review;

/**
 * A reviewer's next sample, leased to them, and the sample that came after it in the same read of
 * the queue ({@code following}, null when none): a hint for pre-loading its image, not a promise,
 * since others may take it first.
 */
public record QueueOffer(QueueItem item, Long following) {}

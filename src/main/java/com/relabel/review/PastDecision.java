package com.relabel.review;

import java.time.Instant;

/**
 * One earlier decision on a sample, the undoing of one, or a comment: who, when, the label change,
 * and the comment's text ({@code note}, null on every other entry).
 */
public record PastDecision(
    Instant occurredAt,
    String actor,
    String action,
    int oldLabel,
    int newLabel,
    String oldStatus,
    String newStatus,
    String note) {}

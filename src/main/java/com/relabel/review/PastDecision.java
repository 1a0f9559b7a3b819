package com.relabel.review;

import java.time.Instant;

/** One earlier decision on a sample, or the undoing of one: who, when, and the label change. */
public record PastDecision(
    Instant occurredAt,
    String actor,
    String action,
    int oldLabel,
    int newLabel,
    String oldStatus,
    String newStatus) {}

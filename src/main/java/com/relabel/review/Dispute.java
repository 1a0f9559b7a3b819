package com.relabel.review;

import java.util.List;

/** A disputed sample as the admins' disputes queue shows it: the sample and the votes on it. */
public record Dispute(
    long sampleId,
    int sampleIndex,
    long version,
    int currentLabel,
    int originalLabel,
    List<Vote> votes) {}

package com.relabel.review;

/** An open sample that "clean top K" would correct to its suggested label. */
public record CleanCandidate(
    long sampleId,
    int sampleIndex,
    int currentLabel,
    int suggestedLabel,
    double score,
    double probability) {}

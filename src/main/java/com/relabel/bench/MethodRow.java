package com.relabel.bench;

/**
 * One method's detection quality; metrics are NaN when there is no flipped sample.
 *
 * @param suggestionAccuracy share of the truly flipped samples whose suggested label is the true
 *     one; NaN when the method has no suggestions
 * @param scoringMillis wall time of this method's scoring (the ensemble: combining the ranks)
 * @param peakHeapBytes peak Java heap while it scored (includes what was already held: data set and
 *     dynamics)
 */
public record MethodRow(
    String method,
    double auroc,
    double averagePrecision,
    double precisionAtK,
    double recallAtK,
    double precisionAt100,
    double precisionAt500,
    double precisionAt1000,
    double suggestionAccuracy,
    double scoringMillis,
    long peakHeapBytes) {}

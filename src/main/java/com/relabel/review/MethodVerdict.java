package com.relabel.review;

/**
 * What one scoring method says about a sample in a run.
 *
 * @param score the method's score (higher = more suspicious)
 * @param rank the sample's place in the method's ranking, 1 = most suspicious
 * @param flagged whether the method puts the sample among the run's estimated errors
 */
public record MethodVerdict(String method, double score, long rank, boolean flagged) {}

package com.relabel.review;

import java.util.List;

/** How many open samples pass both thresholds, and the most suspicious few of them. */
public record CleanPreview(long count, List<CleanCandidate> first) {}

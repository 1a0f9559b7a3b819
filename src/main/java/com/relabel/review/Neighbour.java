package com.relabel.review;

import com.relabel.dataset.SampleStatus;

/** A sample near another in the model's embedding space, with its current label. */
public record Neighbour(long sampleId, int sampleIndex, int label, SampleStatus status) {}

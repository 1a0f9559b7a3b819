package com.relabel.dataset;

/**
 * What a training run learns from: the dataset's images with their current labels, excluded samples
 * left out. {@code sampleIds[i]} is the database id of image {@code i}.
 */
public record TrainingSet(long datasetId, long[] sampleIds, LabeledImages images) {}

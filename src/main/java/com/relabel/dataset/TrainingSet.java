package com.relabel.dataset;

/**
 * What a training run learns from: the dataset's images with their current labels, excluded samples
 * left out. {@code sampleIds[i]} is the database id of image {@code i}. {@code neighbourSpace[i]},
 * when not {@code null}, is sample {@code i}'s sentence vector: a text dataset with the encoder
 * searches neighbours among those (decision 0038).
 */
public record TrainingSet(
    long datasetId, long[] sampleIds, LabeledImages images, float[][] neighbourSpace) {

  public TrainingSet(long datasetId, long[] sampleIds, LabeledImages images) {
    this(datasetId, sampleIds, images, null);
  }
}

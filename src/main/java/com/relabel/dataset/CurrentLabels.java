package com.relabel.dataset;

/**
 * The samples of a dataset that take part in scoring (excluded ones left out), in sample order,
 * with their current labels: what predictions made elsewhere are scored against.
 *
 * @param sampleIds the database id of each row
 * @param sampleIndexes the dataset's own index of each row
 * @param labels the current label of each row
 * @param datasetSize every sample of the dataset, excluded ones too
 */
public record CurrentLabels(
    long datasetId,
    long[] sampleIds,
    int[] sampleIndexes,
    int[] labels,
    int numClasses,
    int datasetSize) {}

package com.relabel.training;

/** Published when a run's scores have become the dataset's active ranking. */
public record TrainingRunCompleted(long runId, long datasetId) {}

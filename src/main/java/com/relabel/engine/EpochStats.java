package com.relabel.engine;

/**
 * What one epoch took.
 *
 * @param epoch this epoch, counting from 1
 * @param epochs epochs in the run
 * @param trainSeconds wall time of the training pass
 * @param inferenceSeconds wall time of the inference pass over the whole training set
 * @param samplesPerSecond training throughput
 * @param trainLoss mean cross-entropy over the epoch's training batches
 */
public record EpochStats(
    int epoch,
    int epochs,
    double trainSeconds,
    double inferenceSeconds,
    double samplesPerSecond,
    double trainLoss) {}

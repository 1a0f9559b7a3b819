package com.relabel.training;

import com.relabel.scoring.TrainingDynamics;

/**
 * Turns the logits of each epoch's inference pass into the per-sample dynamics: probability of the
 * given label, prediction, logit margin and loss; for the last epoch also the full softmax vector
 * and the embedding. Softmax is computed in double precision with the log-sum-exp trick, so the
 * loss stays finite when the probability underflows.
 */
final class DynamicsRecorder {

  private final int[] labels;
  private final int numClasses;
  private final float[][] probGiven;
  private final int[][] predicted;
  private final float[][] margin;
  private final float[][] loss;
  private final float[][] finalProbabilities;
  private final float[][] embeddings;

  DynamicsRecorder(int[] labels, int numClasses, int epochs) {
    this.labels = labels.clone();
    this.numClasses = numClasses;
    int n = labels.length;
    probGiven = new float[epochs][n];
    predicted = new int[epochs][n];
    margin = new float[epochs][n];
    loss = new float[epochs][n];
    finalProbabilities = new float[n][];
    embeddings = new float[n][];
  }

  /**
   * Records samples {@code from .. from + rows} of epoch {@code epoch} (from 0).
   *
   * @param logits row-major (rows, K)
   * @param embedding row-major (rows, dim), or {@code null} when not the last epoch
   */
  void record(int epoch, int from, int rows, float[] logits, float[] embedding) {
    int dim = embedding == null ? 0 : embedding.length / rows;
    for (int r = 0; r < rows; r++) {
      int i = from + r;
      int y = labels[i];
      int base = r * numClasses;
      float best = Float.NEGATIVE_INFINITY;
      float bestOther = Float.NEGATIVE_INFINITY;
      int argmax = 0;
      for (int k = 0; k < numClasses; k++) {
        float z = logits[base + k];
        if (z > best) {
          best = z;
          argmax = k;
        }
        if (k != y && z > bestOther) {
          bestOther = z;
        }
      }
      double sum = 0;
      for (int k = 0; k < numClasses; k++) {
        sum += Math.exp(logits[base + k] - best);
      }
      double logSumExp = best + Math.log(sum);
      double lossValue = logSumExp - logits[base + y];
      probGiven[epoch][i] = (float) Math.exp(-lossValue);
      predicted[epoch][i] = argmax;
      margin[epoch][i] = logits[base + y] - bestOther;
      loss[epoch][i] = (float) lossValue;
      if (embedding != null) {
        float[] probabilities = new float[numClasses];
        for (int k = 0; k < numClasses; k++) {
          probabilities[k] = (float) Math.exp(logits[base + k] - logSumExp);
        }
        finalProbabilities[i] = probabilities;
        float[] vector = new float[dim];
        System.arraycopy(embedding, r * dim, vector, 0, dim);
        embeddings[i] = vector;
      }
    }
  }

  TrainingDynamics toDynamics() {
    return new TrainingDynamics(
        labels, numClasses, probGiven, predicted, margin, loss, finalProbabilities, embeddings);
  }
}

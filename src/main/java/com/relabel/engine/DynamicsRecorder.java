package com.relabel.engine;

import com.relabel.scoring.TrainingDynamics;

/**
 * Turns the logits of each epoch's inference pass into the per-sample dynamics: probability of the
 * given label, prediction, logit margin and loss, the squared norm of the embedding; for the last
 * epoch also the full softmax vector and the embedding. Softmax is computed in double precision
 * with the log-sum-exp trick, so the loss stays finite when the probability underflows.
 *
 * <p>It also keeps progressive soft targets (docs/methods.md, "softlabel"): {@code t_i} starts as
 * the one-hot vector of the given label and after every epoch becomes {@code a t_i + (1 - a) p_i},
 * with {@code p_i} that epoch's softmax vector. This is a correction recorded from the per-epoch
 * predictions only; the model keeps training on the given labels. Memory: {@code n K} floats.
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
  private final float[][] normsSquared;
  private final boolean[] normsRecorded;
  private final float momentum;
  private final float[][] softTargets;

  DynamicsRecorder(int[] labels, int numClasses, int epochs) {
    this(labels, numClasses, epochs, TrainingOptions.DEFAULT_SOFT_TARGET_MOMENTUM);
  }

  /**
   * @param momentum {@code a} of the soft targets, in {@code [0, 1)}
   */
  DynamicsRecorder(int[] labels, int numClasses, int epochs, float momentum) {
    this.labels = labels.clone();
    this.numClasses = numClasses;
    this.momentum = momentum;
    int n = labels.length;
    normsSquared = new float[epochs][n];
    normsRecorded = new boolean[epochs];
    softTargets = new float[n][numClasses];
    for (int i = 0; i < n; i++) {
      softTargets[i][labels[i]] = 1;
    }
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
    record(epoch, from, rows, logits, embedding, embedding == null ? null : norms(embedding, rows));
  }

  /**
   * Records samples {@code from .. from + rows} of epoch {@code epoch} (from 0).
   *
   * @param logits row-major (rows, K)
   * @param embedding row-major (rows, dim), or {@code null} when not the last epoch
   * @param embeddingNormsSquared {@code ||h(x)||^2} of each row, or {@code null} if unknown; the
   *     dynamics carry norms only when every epoch recorded them
   */
  void record(
      int epoch,
      int from,
      int rows,
      float[] logits,
      float[] embedding,
      float[] embeddingNormsSquared) {
    int dim = embedding == null ? 0 : embedding.length / rows;
    if (embeddingNormsSquared != null) {
      System.arraycopy(embeddingNormsSquared, 0, normsSquared[epoch], from, rows);
      normsRecorded[epoch] = true;
    }
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
      float[] target = softTargets[i];
      float[] probabilities = embedding == null ? null : new float[numClasses];
      for (int k = 0; k < numClasses; k++) {
        float p = (float) Math.exp(logits[base + k] - logSumExp);
        target[k] = momentum * target[k] + (1 - momentum) * p;
        if (probabilities != null) {
          probabilities[k] = p;
        }
      }
      if (embedding != null) {
        finalProbabilities[i] = probabilities;
        float[] vector = new float[dim];
        System.arraycopy(embedding, r * dim, vector, 0, dim);
        embeddings[i] = vector;
      }
    }
  }

  private static float[] norms(float[] embedding, int rows) {
    int dim = embedding.length / rows;
    float[] out = new float[rows];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int j = r * dim; j < (r + 1) * dim; j++) {
        sum += (double) embedding[j] * embedding[j];
      }
      out[r] = (float) sum;
    }
    return out;
  }

  /** The given labels (not a copy). */
  int[] labels() {
    return labels;
  }

  int numClasses() {
    return numClasses;
  }

  /** The losses recorded for epoch {@code epoch} (from 0), not a copy. */
  float[] loss(int epoch) {
    return loss[epoch];
  }

  /** The softmax vectors of the latest epoch recorded with probabilities, not a copy. */
  float[][] latestProbabilities() {
    return finalProbabilities;
  }

  /** The embeddings of the latest epoch recorded with embeddings, not a copy. */
  float[][] latestEmbeddings() {
    return embeddings;
  }

  TrainingDynamics toDynamics() {
    return toDynamics(null);
  }

  /** The dynamics, with out-of-sample probabilities from cross-validation when not null. */
  TrainingDynamics toDynamics(float[][] heldOutProbabilities) {
    boolean allNorms = true;
    for (boolean recorded : normsRecorded) {
      allNorms &= recorded;
    }
    return TrainingDynamics.builder()
        .givenLabels(labels)
        .numClasses(numClasses)
        .probGiven(probGiven)
        .predicted(predicted)
        .margin(margin)
        .loss(loss)
        .finalProbabilities(finalProbabilities)
        .embeddings(embeddings)
        .embeddingNormsSquared(allNorms ? normsSquared : null)
        .heldOutProbabilities(heldOutProbabilities)
        .softTargets(softTargets)
        .build();
  }
}

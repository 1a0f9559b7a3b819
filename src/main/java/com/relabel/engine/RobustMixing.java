package com.relabel.engine;

import com.relabel.scoring.LossMixtureScorer;
import com.relabel.scoring.Neighbours;
import java.util.Random;

/**
 * The robust training mode (docs/methods.md, "Training dynamics"): after a warm-up on the given
 * labels, every training sample is replaced by a synthetic one mixed from itself and one of its
 * nearest neighbours in the model's embedding space, weighted by the loss mixture's probability
 * that its label is clean, with a soft target corrected by the model's own prediction.
 *
 * <p>For sample {@code i} with clean probability {@code w_i} (the two-component Gaussian mixture of
 * {@link LossMixtureScorer#cleanProbability} on the last epoch's losses), softmax {@code p_i} and
 * given label {@code y_i}: its target is {@code tau_i = w_i e_{y_i} + (1 - w_i) p_i}; a partner
 * {@code j} is drawn uniformly among its {@value #NEIGHBOURS} nearest neighbours (cosine, in the
 * embedding after the warm-up); the model trains on {@code x~ = w_i x_i + (1 - w_i) x_j} with
 * target {@code w_i tau_i + (1 - w_i) tau_j}. A sample that looks clean trains as itself on its
 * label; one that looks mislabeled is replaced by its neighbourhood, whose labels mostly carry its
 * true class, so the model does not memorise the wrong label and the recorded dynamics (always on
 * the original samples and given labels) keep it apart. This follows the idea of training on
 * synthetic samples mixed from representation neighbours (as in mixup, Zhang et al., ICLR 2018,
 * restricted to neighbours) with DivideMix's loss-mixture weighting (Li, Socher and Hoi, ICLR 2020)
 * and bootstrapped soft targets (Reed et al., ICLR 2015 workshop).
 *
 * <p>Memory: {@code n (K + 11)} floats and ints on top of the dynamics. Deterministic for a seed.
 */
final class RobustMixing {

  /** Neighbours a partner is drawn from. */
  static final int NEIGHBOURS = 10;

  private final int[] labels;
  private final int numClasses;
  private final int[][] neighbours;
  private final float[] clean;
  private final float[][] targets;

  private RobustMixing(int[] labels, int numClasses, int[][] neighbours, float[] clean) {
    this.labels = labels;
    this.numClasses = numClasses;
    this.neighbours = neighbours;
    this.clean = clean;
    this.targets = new float[labels.length][];
  }

  /**
   * Neighbours from {@code embeddings} (kept for the rest of the run), clean probabilities from
   * {@code losses} and targets from {@code probabilities}, all of the epoch just recorded.
   */
  static RobustMixing fit(
      int[] labels,
      int numClasses,
      float[][] embeddings,
      float[] losses,
      float[][] probabilities,
      int threads) {
    int[][] neighbours = Neighbours.search(embeddings, NEIGHBOURS, threads).indices();
    RobustMixing mixing =
        new RobustMixing(labels, numClasses, neighbours, new float[labels.length]);
    mixing.update(losses, probabilities);
    return mixing;
  }

  /** Re-weights with the losses and predictions of a later epoch; the neighbours stay. */
  void update(float[] losses, float[][] probabilities) {
    double[] asDouble = new double[losses.length];
    for (int i = 0; i < losses.length; i++) {
      asDouble[i] = losses[i];
    }
    double[] w = LossMixtureScorer.cleanProbability(asDouble);
    for (int i = 0; i < labels.length; i++) {
      clean[i] = (float) w[i];
      float[] target = new float[numClasses];
      float[] p = probabilities[i];
      for (int k = 0; k < numClasses; k++) {
        target[k] = (1 - clean[i]) * p[k];
      }
      target[labels[i]] += clean[i];
      targets[i] = target;
    }
  }

  /** The clean probability of sample {@code i} (for tests and reports). */
  float clean(int i) {
    return clean[i];
  }

  /** The number of classes of the targets. */
  int numClasses() {
    return numClasses;
  }

  /**
   * Draws the partners and weights of samples {@code order[from..to)} and writes their mixed
   * targets, row-major {@code (to - from, K)}.
   */
  MixedBatch batch(int[] order, int from, int to, Random random) {
    int rows = to - from;
    int[] partners = new int[rows];
    float[] weights = new float[rows];
    float[] mixedTargets = new float[rows * numClasses];
    for (int r = 0; r < rows; r++) {
      int i = order[from + r];
      int[] near = neighbours[i];
      int j = near.length == 0 ? i : near[random.nextInt(near.length)];
      float w = clean[i];
      partners[r] = j;
      weights[r] = w;
      float[] ti = targets[i];
      float[] tj = targets[j];
      for (int k = 0; k < numClasses; k++) {
        mixedTargets[r * numClasses + k] = w * ti[k] + (1 - w) * tj[k];
      }
    }
    return new MixedBatch(partners, weights, mixedTargets);
  }

  /**
   * One batch of synthetic samples: row {@code r} mixes sample {@code order[from + r]} (weight
   * {@code weights[r]}) with sample {@code partners[r]}; {@code targets} row-major (rows, K).
   */
  record MixedBatch(int[] partners, float[] weights, float[] targets) {}
}

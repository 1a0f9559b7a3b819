package com.relabel.engine;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.TrainingDynamics;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The samples a run holds out of training to measure its accuracy on data it never saw: a seeded,
 * stratified share of every class. Held-out samples are still inferred after every epoch like all
 * others, so they keep dynamics and scores (docs/decisions/0012-held-out-and-durable-runs.md).
 *
 * @param positions the held-out samples' positions in the training set, ascending
 */
public record HeldOutSplit(int[] positions) {

  /** Holds nothing out. */
  public static final HeldOutSplit NONE = new HeldOutSplit(new int[0]);

  public HeldOutSplit {
    positions = positions.clone();
    Arrays.sort(positions);
  }

  /**
   * About {@code fraction} of every class, drawn with {@code seed}; every class keeps at least one
   * sample to train on. {@code fraction} 0 holds nothing out.
   *
   * @throws IllegalArgumentException if {@code fraction} is not in {@code [0, 0.5]}
   */
  public static HeldOutSplit stratified(int[] labels, int numClasses, double fraction, long seed) {
    if (!(fraction >= 0 && fraction <= 0.5)) {
      throw new IllegalArgumentException(
          "the held-out fraction must be between 0 and 0.5, not " + fraction);
    }
    if (fraction == 0) {
      return NONE;
    }
    int[][] byClass = CrossValidatedPredictions.membersByClass(labels, numClasses);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int[] out = new int[labels.length];
    int count = 0;
    for (int[] members : byClass) {
      int take = Math.min(members.length - 1, (int) Math.round(fraction * members.length));
      for (int j = 0; j < take; j++) {
        int pick = j + random.nextInt(members.length - j);
        int swap = members[j];
        members[j] = members[pick];
        members[pick] = swap;
        out[count++] = members[j];
      }
    }
    return new HeldOutSplit(Arrays.copyOf(out, count));
  }

  /** This split and every sample marked in {@code more}: what a cleaning round holds out. */
  public HeldOutSplit plus(boolean[] more) {
    boolean[] out = more.clone();
    for (int position : positions) {
      out[position] = true;
    }
    int count = 0;
    int[] all = new int[out.length];
    for (int i = 0; i < out.length; i++) {
      if (out[i]) {
        all[count++] = i;
      }
    }
    return new HeldOutSplit(Arrays.copyOf(all, count));
  }

  public int count() {
    return positions.length;
  }

  public boolean isEmpty() {
    return positions.length == 0;
  }

  /**
   * The positions of {@code data}'s samples that are not held out, ascending: those a model trains
   * on.
   *
   * @throws IllegalArgumentException if every sample is held out
   */
  int[] trainingPositionsOf(LabeledImages data) {
    int[] order = trainingPositions(data.count());
    if (order.length == 0) {
      throw new IllegalArgumentException("every sample is held out: nothing to train on");
    }
    return order;
  }

  /** The positions of {@code n} samples that are not held out, ascending. */
  int[] trainingPositions(int n) {
    boolean[] held = new boolean[n];
    for (int p : positions) {
      held[p] = true;
    }
    int[] out = new int[n - positions.length];
    int t = 0;
    for (int i = 0; i < n; i++) {
      if (!held[i]) {
        out[t++] = i;
      }
    }
    return out;
  }

  /**
   * The share of held-out samples whose prediction after epoch {@code epoch} (from 0) matches their
   * given (current) label, or null when nothing is held out.
   */
  public Double accuracy(TrainingDynamics dynamics, int epoch) {
    if (isEmpty()) {
      return null;
    }
    int[] predicted = dynamics.predicted()[epoch];
    int[] given = dynamics.givenLabels();
    int right = 0;
    for (int p : positions) {
      right += predicted[p] == given[p] ? 1 : 0;
    }
    return (double) right / positions.length;
  }
}

package com.relabel.engine;

import java.util.Random;

/** Test helpers: seeded symmetric label noise and AUROC. */
final class NoiseFixture {

  private NoiseFixture() {}

  /**
   * Flips a {@code rate} share of the labels, chosen with {@code seed}, each to a uniformly random
   * other class; returns the new labels, and marks the flipped samples in {@code flipped}.
   */
  static int[] flipSymmetric(
      int[] labels, int numClasses, double rate, long seed, boolean[] flipped) {
    Random random = new Random(seed);
    int n = labels.length;
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = index[i];
      index[i] = index[j];
      index[j] = swap;
    }
    int[] noisy = labels.clone();
    for (int j = 0; j < Math.round(rate * n); j++) {
      int i = index[j];
      int other = random.nextInt(numClasses - 1);
      noisy[i] = other >= labels[i] ? other + 1 : other;
      flipped[i] = true;
    }
    return noisy;
  }

  /** Area under the ROC curve of {@code scores} for finding the positives; ties count half. */
  static double auroc(double[] scores, boolean[] positive) {
    long wins2 = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!positive[i]) {
        continue;
      }
      for (int j = 0; j < scores.length; j++) {
        if (positive[j]) {
          continue;
        }
        pairs++;
        wins2 += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0;
      }
    }
    return wins2 / (2.0 * pairs);
  }
}

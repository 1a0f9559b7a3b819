package com.relabel.scoring;

/**
 * Orders and ranks of score arrays, the building blocks of ensembles, agreement and evaluation.
 *
 * <p>Scores are compared with {@link Double#compare}, a total order in which {@code NaN} sorts
 * above {@code +Infinity}; a method that produces {@code NaN} therefore puts that sample first
 * rather than breaking the ranking. Every operation is {@code O(n log n)} and allocates only
 * primitive arrays, so it scales to millions of samples.
 */
public final class Ranking {

  private Ranking() {}

  /**
   * Sample indices from the highest score to the lowest; equal scores keep ascending index order,
   * so the result is deterministic. This is the order of a review queue.
   */
  public static int[] mostSuspiciousFirst(double[] scores) {
    return stableOrder(scores, true);
  }

  /** Sample indices from the lowest score to the highest; equal scores keep ascending index. */
  public static int[] ascendingOrder(double[] scores) {
    return stableOrder(scores, false);
  }

  /**
   * Ranks {@code 1..n} in ascending score order (the highest score gets rank {@code n}); tied
   * scores all get the average of the ranks they span, as in the Mann–Whitney U statistic.
   */
  public static double[] averageRanks(double[] scores) {
    int n = scores.length;
    int[] order = ascendingOrder(scores);
    double[] ranks = new double[n];
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && Double.compare(scores[order[end]], scores[order[start]]) == 0) {
        end++;
      }
      double averageRank = (start + 1 + end) / 2.0;
      for (int j = start; j < end; j++) {
        ranks[order[j]] = averageRank;
      }
      start = end;
    }
    return ranks;
  }

  /**
   * Average ranks rescaled to {@code [0, 1]}: {@code (rank - 1) / (n - 1)}, so the most suspicious
   * sample gets 1 and the least suspicious 0. Tied samples share the same value; when all are tied
   * (including {@code n == 1}) every sample gets 0.5.
   */
  public static double[] normalizedRanks(double[] scores) {
    int n = scores.length;
    double[] ranks = averageRanks(scores);
    for (int i = 0; i < n; i++) {
      ranks[i] = n == 1 ? 0.5 : (ranks[i] - 1) / (n - 1);
    }
    return ranks;
  }

  /** Stable merge sort of indices by score; no boxing. */
  private static int[] stableOrder(double[] scores, boolean descending) {
    int n = scores.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] buffer = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int left = 0; left < n - width; left += 2 * width) {
        merge(scores, descending, order, buffer, left, left + width, Math.min(left + 2 * width, n));
      }
    }
    return order;
  }

  private static void merge(
      double[] scores, boolean descending, int[] order, int[] buffer, int lo, int mid, int hi) {
    System.arraycopy(order, lo, buffer, lo, hi - lo);
    int left = lo;
    int right = mid;
    for (int out = lo; out < hi; out++) {
      if (left >= mid) {
        order[out] = buffer[right++];
      } else if (right >= hi) {
        order[out] = buffer[left++];
      } else {
        int cmp = Double.compare(scores[buffer[right]], scores[buffer[left]]);
        boolean rightFirst = descending ? cmp > 0 : cmp < 0;
        order[out] = rightFirst ? buffer[right++] : buffer[left++];
      }
    }
  }
}

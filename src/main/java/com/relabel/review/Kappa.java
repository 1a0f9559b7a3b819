package com.relabel.review;

/**
 * Chance-corrected agreement between reviewers, plain arithmetic: Cohen's kappa for two ratings of
 * each item, Fleiss' kappa for two or more. 1 is perfect agreement, 0 what chance alone gives,
 * below 0 worse than chance. NaN when chance already explains everything (every rating in one
 * category), where kappa is not defined.
 */
public final class Kappa {
  private Kappa() {}

  /**
   * Cohen's kappa (1960) of two raters: {@code first[i]} and {@code second[i]} are the categories
   * (0-based) the two gave item {@code i}. The raters keep their own marginals: p_e = sum over
   * categories of p_first(k) * p_second(k).
   */
  public static double cohen(int[] first, int[] second) {
    if (first.length != second.length || first.length == 0) {
      throw new IllegalArgumentException(
          "Cohen's kappa needs two ratings of each item, got "
              + first.length
              + " and "
              + second.length);
    }
    int categories = 1 + Math.max(max(first), max(second));
    double[] firstShare = new double[categories];
    double[] secondShare = new double[categories];
    int agreeing = 0;
    for (int i = 0; i < first.length; i++) {
      firstShare[first[i]]++;
      secondShare[second[i]]++;
      if (first[i] == second[i]) {
        agreeing++;
      }
    }
    double n = first.length;
    double expected = 0;
    for (int k = 0; k < categories; k++) {
      expected += (firstShare[k] / n) * (secondShare[k] / n);
    }
    return corrected(agreeing / n, expected);
  }

  /**
   * Fleiss' kappa (1971): {@code counts[i][k]} raters put item {@code i} in category {@code k}.
   * Items may have different numbers of raters (at least two each): each item's agreement is P_i =
   * (sum_k n_ik^2 - n_i) / (n_i (n_i - 1)), averaged over the items, and the chance agreement comes
   * from the pooled category shares. With the same number of raters everywhere this is exactly
   * Fleiss' formula.
   */
  public static double fleiss(int[][] counts) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("Fleiss' kappa needs at least one item");
    }
    int categories = counts[0].length;
    double[] pooled = new double[categories];
    double ratings = 0;
    double observed = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != categories) {
        throw new IllegalArgumentException(
            "item " + i + " has " + counts[i].length + " categories, not " + categories);
      }
      long n = 0;
      long squares = 0;
      for (int k = 0; k < categories; k++) {
        n += counts[i][k];
        squares += (long) counts[i][k] * counts[i][k];
        pooled[k] += counts[i][k];
      }
      if (n < 2) {
        throw new IllegalArgumentException(
            "item " + i + " has " + n + " rating(s); agreement needs at least two");
      }
      ratings += n;
      observed += (double) (squares - n) / (n * (n - 1));
    }
    double expected = 0;
    for (double c : pooled) {
      expected += (c / ratings) * (c / ratings);
    }
    return corrected(observed / counts.length, expected);
  }

  private static double corrected(double observed, double expected) {
    return expected >= 1 ? Double.NaN : (observed - expected) / (1 - expected);
  }

  private static int max(int[] values) {
    int m = 0;
    for (int v : values) {
      if (v < 0) {
        throw new IllegalArgumentException("categories start at 0, got " + v);
      }
      m = Math.max(m, v);
    }
    return m;
  }
}

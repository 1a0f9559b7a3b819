package com.relabel.review;

/**
 * Chance-corrected agreement between reviewers, plain arithmetic: Cohen's kappa for two ratings of
 * each item, Fleiss' kappa for two or more, Krippendorff's alpha (nominal) for any number, missing
 * ratings included (docs/methods.md, "Agreement between reviewers"). 1 is perfect agreement, 0 what
 * chance alone gives, below 0 worse than chance. NaN when chance already explains everything (every
 * rating in one category), where kappa is not defined.
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

  /**
   * Krippendorff's alpha for nominal categories (Krippendorff 2011, "Computing Krippendorff's
   * Alpha-Reliability"): {@code counts[i][k]} raters put unit {@code i} in category {@code k}, and
   * each unit may have any number of ratings. A unit rated once cannot be paired and drops out, so
   * a missing vote costs that unit, not the whole table. From the coincidence matrix: o_kk = sum
   * over units of n_ik (n_ik - 1) / (m_i - 1), n_k the pairable ratings in k, n their total; alpha
   * = ((n - 1) sum_k o_kk - sum_k n_k (n_k - 1)) / (n (n - 1) - sum_k n_k (n_k - 1)). NaN with no
   * pairable unit, or when every pairable rating is in one category.
   */
  public static double krippendorff(int[][] counts) {
    double coinciding = 0;
    double[] pairable = new double[counts.length == 0 ? 0 : counts[0].length];
    double n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != pairable.length) {
        throw new IllegalArgumentException(
            "unit " + i + " has " + counts[i].length + " categories, not " + pairable.length);
      }
      long m = 0;
      long same = 0;
      for (int c : counts[i]) {
        if (c < 0) {
          throw new IllegalArgumentException("unit " + i + " has a negative count " + c);
        }
        m += c;
        same += (long) c * (c - 1);
      }
      if (m < 2) {
        continue; // one rating pairs with nothing: a missing vote, not a disagreement
      }
      coinciding += (double) same / (m - 1);
      for (int k = 0; k < pairable.length; k++) {
        pairable[k] += counts[i][k];
      }
      n += m;
    }
    double bySameChance = 0;
    for (double nk : pairable) {
      bySameChance += nk * (nk - 1);
    }
    double denominator = n * (n - 1) - bySameChance;
    return denominator <= 0 ? Double.NaN : ((n - 1) * coinciding - bySameChance) / denominator;
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

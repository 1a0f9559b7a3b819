package com.relabel.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * The data-driven AUM cut-off of Pleiss et al. ("Identifying Mislabeled Data using the Area Under
 * the Margin Ranking", NeurIPS 2020; docs/methods.md, "aum"): a random subset of the samples, the
 * <em>threshold samples</em>, is relabelled to a fake extra class that no image truly belongs to,
 * so each of them is mislabeled by construction. Their AUM ({@code mean_e margin_e} of the fake
 * class) shows how a mislabeled sample behaves in this very training; a sample whose AUM is below
 * the {@code p}-th percentile of theirs (99 by default) is flagged as probably mislabeled.
 *
 * <p>Percentile rule: the values sorted ascending {@code v_0 <= ... <= v_{m-1}}, {@code h = (m - 1)
 * * p / 100}; the percentile is {@code v_floor(h) + (h - floor(h)) * (v_ceil(h) - v_floor(h))}, the
 * linear interpolation of NumPy's default {@code np.percentile}, which the paper's reference code
 * uses. So {@code p = 0} is the smallest value, {@code p = 100} the largest, and one threshold
 * sample is its own cut-off. A sample is below the cut-off when its AUM is strictly less.
 */
public final class AumThreshold {

  /** The paper's percentile: 99. */
  public static final double DEFAULT_PERCENTILE = 99;

  private AumThreshold() {}

  /**
   * The {@code percentile}-th percentile of {@code values} (rule in the class comment).
   *
   * @throws IllegalArgumentException when {@code values} is empty or holds a non-finite value, or
   *     {@code percentile} is outside {@code [0, 100]}
   */
  public static double percentile(double[] values, double percentile) {
    Objects.requireNonNull(values, "values");
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
    }
    if (values.length == 0) {
      throw new IllegalArgumentException(
          "no threshold samples: the AUM cut-off needs at least one");
    }
    double[] sorted = values.clone();
    for (double v : sorted) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("threshold sample AUM must be finite, was " + v);
      }
    }
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * percentile / 100;
    int lower = (int) Math.floor(h);
    int upper = (int) Math.ceil(h);
    return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
  }

  /** {@code mean_e margin[e][i]} of every sample {@code i}: its area under the margin. */
  public static double[] areaUnderMargin(float[][] margin) {
    return EpochStatistics.mean(margin);
  }

  /**
   * Judges every sample of the threshold pass.
   *
   * @param passAum every sample's AUM in the pass with threshold samples (for a threshold sample:
   *     the margin of the fake class)
   * @param thresholdSample which samples were threshold samples; at least one
   * @param percentile the percentile of the threshold samples' AUM that is the cut-off
   * @param mainAum every sample's AUM in the main run (its given label); when not {@code null}, the
   *     threshold samples, which the pass cannot judge, are judged by this AUM against the same
   *     cut-off; when {@code null} they are left unflagged
   */
  public static AumCutoff judge(
      double[] passAum, boolean[] thresholdSample, double percentile, double[] mainAum) {
    int n = passAum.length;
    if (thresholdSample.length != n || (mainAum != null && mainAum.length != n)) {
      throw new IllegalArgumentException("every array must cover all " + n + " samples");
    }
    int m = 0;
    for (boolean t : thresholdSample) {
      m += t ? 1 : 0;
    }
    double[] thresholdAum = new double[m];
    for (int i = 0, j = 0; i < n; i++) {
      if (thresholdSample[i]) {
        thresholdAum[j++] = passAum[i];
      }
    }
    double cutoff = percentile(thresholdAum, percentile);
    boolean[] below = new boolean[n];
    for (int i = 0; i < n; i++) {
      double aum = thresholdSample[i] ? (mainAum == null ? Double.NaN : mainAum[i]) : passAum[i];
      below[i] = aum < cutoff;
    }
    return new AumCutoff(cutoff, percentile, thresholdSample.clone(), below, passAum.clone());
  }
}

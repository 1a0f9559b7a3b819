package com.relabel.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Issues other than a wrong label, found in the embeddings a run already has (docs/methods.md,
 * "Near-duplicates and outliers"; decision 0043): near-duplicate pairs, and outliers far from every
 * class. Cleanlab's Datalab reports both.
 *
 * <p>Distance is the cosine distance {@code 1 - cos(a, b)}, as in the kNN search. <b>Near
 * duplicates</b> reuse the neighbours that search found (no second search): a pair is a
 * near-duplicate when its distance is at most {@value #DUPLICATE_RADIUS} times the median distance
 * of a sample to its nearest neighbour, Datalab's default rule, so the radius follows how tight the
 * space is. <b>Outliers</b>: each sample's distance to the nearest class centroid (the mean of the
 * L2-normalised embeddings of the samples given that label); a sample is an outlier when that
 * distance is past Tukey's fence, {@code Q3 + }{@value #FENCE}{@code IQR}, of all samples'
 * distances. Deterministic; {@code O(n k d + n C d)}, plus sorting.
 */
public final class EmbeddingIssues {

  /** A near-duplicate is within this share of the median nearest-neighbour distance. */
  public static final double DUPLICATE_RADIUS = 0.13;

  /** Tukey's fence: Q3 + 1.5 IQR (docs/methods.md says why not the far-out 3 IQR). */
  public static final double FENCE = 1.5;

  /**
   * Two samples whose embeddings nearly coincide, {@code first < second} (run rows).
   *
   * @param sameLabel whether the two carry the same given label; a pair that does not is worth a
   *     look first (one of them is likely wrong, or the classes overlap)
   */
  public record NearDuplicate(int first, int second, double distance, boolean sameLabel) {}

  /**
   * What was found.
   *
   * @param nearDuplicates every pair within {@code radius}, by first then second row
   * @param radius the cosine distance under which a pair counts as a near-duplicate
   * @param centroidDistance each sample's cosine distance to the nearest class centroid
   * @param fence the distance past which a sample is an outlier
   * @param outliers the outlier rows, farthest first
   */
  public record Found(
      List<NearDuplicate> nearDuplicates,
      double radius,
      double[] centroidDistance,
      double fence,
      int[] outliers) {}

  private EmbeddingIssues() {}

  /**
   * Near-duplicates and outliers.
   *
   * @param embeddings {@code [sample][dim]}
   * @param labels each sample's given label, in {@code [0, classes)}
   * @param classes the number of classes
   * @param searched each sample's nearest neighbours, nearest first, as the run searched them
   * @throws IllegalArgumentException if the arrays do not describe the same samples
   */
  public static Found find(float[][] embeddings, int[] labels, int classes, Neighbours searched) {
    int[][] neighbours = searched.indices();
    int n = embeddings.length;
    if (labels.length != n || neighbours.length != n) {
      throw new IllegalArgumentException(
          n + " embeddings, " + labels.length + " labels and " + neighbours.length + " neighbours");
    }
    float[][] unit = normalised(embeddings);
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.NaN);
    for (int i = 0; i < n; i++) {
      if (neighbours[i].length > 0) {
        nearest[i] = distance(unit[i], unit[neighbours[i][0]]);
      }
    }
    double radius = DUPLICATE_RADIUS * quantile(finite(nearest), 0.5);
    Set<Long> seen = new LinkedHashSet<>();
    List<NearDuplicate> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j : neighbours[i]) {
        double d = distance(unit[i], unit[j]);
        if (d > radius) {
          break; // nearest first: the rest are farther
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        if (seen.add((long) a * n + b)) {
          pairs.add(new NearDuplicate(a, b, d, labels[a] == labels[b]));
        }
      }
    }
    pairs.sort((p, q) -> p.first() != q.first() ? p.first() - q.first() : p.second() - q.second());
    double[] toCentroid = centroidDistances(unit, labels, classes);
    double q1 = quantile(toCentroid, 0.25);
    double q3 = quantile(toCentroid, 0.75);
    double fence = q3 + FENCE * (q3 - q1);
    int[] outliers =
        IntStream.range(0, n)
            .filter(i -> toCentroid[i] > fence)
            .boxed()
            .sorted((a, b) -> Double.compare(toCentroid[b], toCentroid[a]))
            .mapToInt(Integer::intValue)
            .toArray();
    return new Found(List.copyOf(pairs), radius, toCentroid, fence, outliers);
  }

  /** Each sample's cosine distance to the nearest class centroid (classes without samples none). */
  private static double[] centroidDistances(float[][] unit, int[] labels, int classes) {
    int dim = unit.length == 0 ? 0 : unit[0].length;
    double[][] sum = new double[classes][dim];
    for (int i = 0; i < unit.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "sample " + i + " has label " + labels[i] + ", not in [0, " + classes + ")");
      }
      for (int d = 0; d < dim; d++) {
        sum[labels[i]][d] += unit[i][d];
      }
    }
    float[][] centroids = new float[classes][];
    for (int c = 0; c < classes; c++) {
      float[] mean = new float[dim];
      for (int d = 0; d < dim; d++) {
        mean[d] = (float) sum[c][d];
      }
      centroids[c] = unitVector(mean);
    }
    double[] out = new double[unit.length];
    for (int i = 0; i < unit.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (float[] centroid : centroids) {
        if (centroid != null) {
          best = Math.min(best, distance(unit[i], centroid));
        }
      }
      out[i] = best;
    }
    return out;
  }

  private static float[][] normalised(float[][] embeddings) {
    int dim = embeddings.length == 0 ? 0 : embeddings[0].length;
    float[][] unit = new float[embeddings.length][];
    for (int i = 0; i < embeddings.length; i++) {
      if (embeddings[i].length != dim) {
        throw new IllegalArgumentException("every embedding must have " + dim + " dimensions");
      }
      float[] u = unitVector(embeddings[i]);
      unit[i] = u == null ? new float[dim] : u;
    }
    return unit;
  }

  /** {@code v / |v|}; null for the zero vector. */
  private static float[] unitVector(float[] v) {
    double squared = 0;
    for (float x : v) {
      squared += (double) x * x;
    }
    if (squared == 0) {
      return null;
    }
    double inverse = 1 / Math.sqrt(squared);
    float[] u = new float[v.length];
    for (int d = 0; d < v.length; d++) {
      u[d] = (float) (v[d] * inverse);
    }
    return u;
  }

  /** Cosine distance of two unit vectors (a zero vector is at distance 1 from everything). */
  private static double distance(float[] a, float[] b) {
    double dot = 0;
    for (int d = 0; d < a.length; d++) {
      dot += (double) a[d] * b[d];
    }
    return Math.max(0, 1 - dot);
  }

  private static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }

  /** The {@code q} quantile, linear between order statistics; 0 for no values. */
  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double at = q * (sorted.length - 1);
    int low = (int) Math.floor(at);
    int high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
  }
}

package com.relabel.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines several methods by averaging their normalized ranks, the default ensemble of
 * cleanlab-style label-issue finders: rank averaging needs no calibration between methods whose
 * scores live on different scales (a loss, a probability, a logit margin).
 *
 * <p>For every method {@code m}, {@link Ranking#normalizedRanks} maps its scores to {@code r_m(i)}
 * in {@code [0, 1]} (1 = most suspicious, ties share their average rank); the ensemble score is
 * {@code sum_m w_m r_m(i) / sum_m w_m}. Weights default to 1 for every method, so the default is a
 * plain mean; a method missing from an explicit weight map also gets 1, and weight 0 leaves a
 * method out. Deterministic and {@code O(M n log n)}.
 */
public final class RankAverageEnsemble {

  /** The column name of the ensemble score. */
  public static final String NAME = "ensemble";

  private static final double DEFAULT_WEIGHT = 1.0;

  private final Map<String, Double> weights;

  private RankAverageEnsemble(Map<String, Double> weights) {
    weights.forEach(
        (method, weight) -> {
          if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException(
                "weight of " + method + " must be finite and >= 0, was " + weight);
          }
        });
    this.weights = Map.copyOf(weights);
  }

  /** Every method counts the same. */
  public static RankAverageEnsemble equalWeights() {
    return new RankAverageEnsemble(Map.of());
  }

  /**
   * Methods weighted by name, for example as re-fitted from review decisions; unnamed methods get
   * weight 1.
   *
   * @throws IllegalArgumentException if a weight is negative, infinite or NaN
   */
  public static RankAverageEnsemble weighted(Map<String, Double> weights) {
    return new RankAverageEnsemble(weights);
  }

  /** The weight this ensemble gives the named method. */
  public double weightOf(String method) {
    return weights.getOrDefault(method, DEFAULT_WEIGHT);
  }

  /**
   * The weighted average of the methods' normalized ranks, named {@value #NAME}, carrying the given
   * suggestions (normally {@link Suggestions#ensemble}).
   *
   * @throws IllegalArgumentException if there are no methods, their sizes differ, a name repeats,
   *     or all weights are 0
   */
  public MethodScores combine(List<MethodScores> methods, Suggestions suggestions) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one method");
    }
    int n = methods.getFirst().scores().length;
    double[] combined = new double[n];
    double totalWeight = 0;
    Set<String> seen = new HashSet<>();
    for (MethodScores method : methods) {
      if (!seen.add(method.method())) {
        throw new IllegalArgumentException("method " + method.method() + " appears twice");
      }
      if (method.scores().length != n) {
        throw new IllegalArgumentException(
            method.method() + " scores " + method.scores().length + " samples, expected " + n);
      }
      double weight = weightOf(method.method());
      if (weight == 0) {
        continue;
      }
      double[] ranks = Ranking.normalizedRanks(method.scores());
      for (int i = 0; i < n; i++) {
        combined[i] += weight * ranks[i];
      }
      totalWeight += weight;
    }
    if (totalWeight == 0) {
      throw new IllegalArgumentException("all ensemble weights are 0");
    }
    for (int i = 0; i < n; i++) {
      combined[i] /= totalWeight;
    }
    return suggestions.withScores(NAME, combined);
  }
}

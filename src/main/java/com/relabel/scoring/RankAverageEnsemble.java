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
 * {@code sum_m w_m r_m(i) / sum_m w_m}; weight 0 leaves a method out. Deterministic and {@code O(M
 * n log n)}.
 *
 * <p>{@link #standard()}, what every run ranks by until reviewers' decisions re-fit the weights, is
 * led by {@link MarginScorer margin} (weight {@value #STANDARD_MARGIN_WEIGHT}) with {@link
 * SoftLabelScorer softlabel} (weight 1) and leaves the other methods out: on look-alike and
 * instance-dependent noise, adding them lowered the precision at the top of the queue
 * (docs/methods.md, "The default ensemble"; decision 0023). {@link #equalWeights()} is the plain
 * mean of every method, the default of earlier versions; in {@link #weighted} maps a method missing
 * from the map gets 1.
 */
public final class RankAverageEnsemble {

  /** The column name of the ensemble score. */
  public static final String NAME = "ensemble";

  /** The margin's weight in {@link #standard()}, against softlabel's 1. */
  public static final double STANDARD_MARGIN_WEIGHT = 4.0;

  private static final double DEFAULT_WEIGHT = 1.0;

  private final Map<String, Double> weights;
  private final double unnamedWeight;

  private RankAverageEnsemble(Map<String, Double> weights, double unnamedWeight) {
    weights.forEach(
        (method, weight) -> {
          if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException(
                "weight of " + method + " must be finite and >= 0, was " + weight);
          }
        });
    this.weights = Map.copyOf(weights);
    this.unnamedWeight = unnamedWeight;
  }

  /** Every method counts the same. */
  public static RankAverageEnsemble equalWeights() {
    return new RankAverageEnsemble(Map.of(), DEFAULT_WEIGHT);
  }

  /**
   * The default ensemble: margin with weight {@value #STANDARD_MARGIN_WEIGHT}, softlabel with 1,
   * every other method 0. Where neither is among the scored methods (a run restricted to other
   * methods) it falls back to {@link #equalWeights()}.
   */
  public static RankAverageEnsemble standard() {
    return new RankAverageEnsemble(
        Map.of(MarginScorer.NAME, STANDARD_MARGIN_WEIGHT, SoftLabelScorer.NAME, 1.0), 0);
  }

  /**
   * Methods weighted by name, for example as re-fitted from review decisions; unnamed methods get
   * weight 1.
   *
   * @throws IllegalArgumentException if a weight is negative, infinite or NaN
   */
  public static RankAverageEnsemble weighted(Map<String, Double> weights) {
    return new RankAverageEnsemble(weights, DEFAULT_WEIGHT);
  }

  /** The weight this ensemble gives the named method. */
  public double weightOf(String method) {
    return weights.getOrDefault(method, unnamedWeight);
  }

  /** The weight of every one of {@code methods} under this ensemble, in their order. */
  public Map<String, Double> weightsOf(List<String> methods) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    boolean any = methods.stream().anyMatch(m -> weightOf(m) > 0);
    methods.forEach(m -> out.put(m, any ? weightOf(m) : DEFAULT_WEIGHT));
    return out;
  }

  /**
   * The weighted average of the methods' normalized ranks, named {@value #NAME}, carrying the given
   * suggestions (normally {@link Suggestions#ensemble}).
   *
   * @throws IllegalArgumentException if there are no methods, their sizes differ, a name repeats,
   *     or all explicitly given weights are 0
   */
  public MethodScores combine(List<MethodScores> methods, Suggestions suggestions) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one method");
    }
    int n = methods.getFirst().scores().length;
    double[] combined = new double[n];
    double totalWeight = 0;
    Set<String> seen = new HashSet<>();
    boolean fallBack =
        unnamedWeight == 0 && methods.stream().noneMatch(m -> weightOf(m.method()) > 0);
    for (MethodScores method : methods) {
      if (!seen.add(method.method())) {
        throw new IllegalArgumentException("method " + method.method() + " appears twice");
      }
      if (method.scores().length != n) {
        throw new IllegalArgumentException(
            method.method() + " scores " + method.scores().length + " samples, expected " + n);
      }
      double weight = fallBack ? DEFAULT_WEIGHT : weightOf(method.method());
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

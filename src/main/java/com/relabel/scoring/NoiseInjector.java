package com.relabel.scoring;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded label corruption for the benchmark: flips a known share of clean labels and keeps the
 * truth aside. The two noise models are the standard ones of the label-noise literature (e.g.
 * Patrini et al., "Making Deep Neural Networks Robust to Label Noise: a Loss Correction Approach",
 * CVPR 2017): symmetric (uniform over the other classes) and asymmetric (class-pair flips between
 * look-alike classes, such as MNIST 7→1, 2→7, 3→8, 5↔6).
 *
 * <p>The samples to flip are drawn by a partial Fisher–Yates shuffle driven by a {@link
 * SplittableRandom} seeded with {@code seed}, so the same inputs and seed always give the same
 * result. Both methods are {@code O(n)}.
 */
public final class NoiseInjector {

  private NoiseInjector() {}

  /**
   * Flips exactly {@code round(rate * n)} samples, each to a uniformly random class other than its
   * own.
   *
   * @throws IllegalArgumentException if {@code numClasses < 2}, {@code rate} is outside {@code [0,
   *     1]}, or a label is outside {@code [0, numClasses)}
   */
  public static NoisyLabels symmetric(int[] labels, int numClasses, double rate, long seed) {
    validate(labels, numClasses, rate);
    int n = labels.length;
    int[] noisy = labels.clone();
    boolean[] flipped = new boolean[n];
    SplittableRandom random = new SplittableRandom(seed);
    int[] candidates = identity(n);
    int count = (int) Math.round(rate * n);
    for (int j = 0; j < count; j++) {
      int sample = drawWithoutReplacement(candidates, j, random);
      int other = random.nextInt(numClasses - 1);
      noisy[sample] = other >= labels[sample] ? other + 1 : other;
      flipped[sample] = true;
    }
    return new NoisyLabels(noisy, flipped);
  }

  /**
   * Class-pair noise given as a transition table {@code source -> target}: for every source class
   * {@code c} (in ascending order), exactly {@code round(rate * n_c)} of the {@code n_c} samples
   * labeled {@code c} are relabeled to its target. Samples are chosen by their clean label, so a
   * swap such as {@code 5 -> 6, 6 -> 5} flips both ways and no sample is flipped twice; classes
   * without a target are left clean, so the overall noise rate is below {@code rate}.
   *
   * @throws IllegalArgumentException for the reasons of {@link #symmetric}, or if a source or
   *     target is outside {@code [0, numClasses)}, or a class maps to itself
   */
  public static NoisyLabels asymmetric(
      int[] labels, int numClasses, Map<Integer, Integer> transitions, double rate, long seed) {
    validate(labels, numClasses, rate);
    Map<Integer, Integer> ordered = new TreeMap<>();
    transitions.forEach(
        (source, target) -> {
          requireClass(source, numClasses, "source");
          requireClass(target, numClasses, "target");
          if (source.equals(target)) {
            throw new IllegalArgumentException("class " + source + " cannot flip to itself");
          }
          ordered.put(source, target);
        });
    int[][] samplesByClass = samplesByClass(labels, numClasses);
    int[] noisy = labels.clone();
    boolean[] flipped = new boolean[labels.length];
    SplittableRandom random = new SplittableRandom(seed);
    ordered.forEach(
        (source, target) -> {
          int[] candidates = samplesByClass[source];
          int count = (int) Math.round(rate * candidates.length);
          for (int j = 0; j < count; j++) {
            int sample = drawWithoutReplacement(candidates, j, random);
            noisy[sample] = target;
            flipped[sample] = true;
          }
        });
    return new NoisyLabels(noisy, flipped);
  }

  /**
   * Instance-dependent ("model-based") noise, the closest simulation of human labelling mistakes:
   * the samples that a weak model itself confuses are flipped, each to the class that model
   * confuses it with. {@code probabilities[i]} is a weak model's class distribution for sample
   * {@code i} (for example a CNN after one epoch on the clean labels). Exactly {@code round(rate *
   * n)} samples are drawn without replacement, sample {@code i} with weight {@code w_i = 1 - p(y_i
   * | x_i)} (the mass the model puts on other classes; a floor of 1e-6 keeps every sample drawable)
   * by the Efraimidis–Spirakis method (the largest keys {@code u^(1/w_i)}, {@code u} uniform in (0,
   * 1)), and relabelled to {@code argmax_{k != y_i} p(k | x_i)}. Ambiguous samples are flipped far
   * more often than clear ones, and always to a plausible class, as in Chen et al., "Beyond
   * Class-Conditional Assumption: A Primary Attempt to Combat Instance-Dependent Label Noise", AAAI
   * 2021. {@code O(n K + n log n)}.
   *
   * @throws IllegalArgumentException for the reasons of {@link #symmetric}, or if a probability row
   *     does not have {@code numClasses} entries
   */
  public static NoisyLabels instanceDependent(
      int[] labels, int numClasses, float[][] probabilities, double rate, long seed) {
    validate(labels, numClasses, rate);
    int n = labels.length;
    if (probabilities.length != n) {
      throw new IllegalArgumentException(
          probabilities.length + " probability rows for " + n + " labels");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] keys = new double[n];
    int[] confusedWith = new int[n];
    for (int i = 0; i < n; i++) {
      float[] p = probabilities[i];
      if (p.length != numClasses) {
        throw new IllegalArgumentException(
            "sample " + i + " has " + p.length + " probabilities, expected " + numClasses);
      }
      int other = labels[i] == 0 ? 1 : 0;
      for (int k = 0; k < numClasses; k++) {
        if (k != labels[i] && p[k] > p[other]) {
          other = k;
        }
      }
      confusedWith[i] = other;
      double weight = Math.max(1e-6, 1.0 - p[labels[i]]);
      double u = Math.max(Double.MIN_NORMAL, random.nextDouble());
      // log of u^(1/w): the same order, without underflow
      keys[i] = Math.log(u) / weight;
    }
    int[] order = Ranking.mostSuspiciousFirst(keys);
    int count = (int) Math.round(rate * n);
    int[] noisy = labels.clone();
    boolean[] flipped = new boolean[n];
    for (int j = 0; j < count; j++) {
      int sample = order[j];
      noisy[sample] = confusedWith[sample];
      flipped[sample] = true;
    }
    return new NoisyLabels(noisy, flipped);
  }

  /** Moves a random not-yet-drawn element to position {@code j} and returns it. */
  private static int drawWithoutReplacement(int[] pool, int j, SplittableRandom random) {
    int pick = j + random.nextInt(pool.length - j);
    int chosen = pool[pick];
    pool[pick] = pool[j];
    pool[j] = chosen;
    return chosen;
  }

  private static int[] identity(int n) {
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    return indices;
  }

  private static int[][] samplesByClass(int[] labels, int numClasses) {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] samples = new int[numClasses][];
    for (int c = 0; c < numClasses; c++) {
      samples[c] = new int[counts[c]];
    }
    int[] filled = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      samples[labels[i]][filled[labels[i]]++] = i;
    }
    return samples;
  }

  private static void validate(int[] labels, int numClasses, double rate) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("noise needs at least 2 classes, got " + numClasses);
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("noise rate must be in [0, 1], was " + rate);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of sample " + i + " is outside [0, " + numClasses + ")");
      }
    }
  }

  private static void requireClass(Integer label, int numClasses, String role) {
    if (label == null || label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          role + " class " + label + " is outside [0, " + numClasses + ")");
    }
  }
}

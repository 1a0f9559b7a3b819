package com.relabel.bench;

import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which label noise the benchmark injects.
 *
 * @param kind none, symmetric, asymmetric or instance(-dependent)
 * @param rate share of samples (symmetric, instance) or of each source class (asymmetric) to flip
 * @param transitions {@code source -> target} for asymmetric noise; ignored otherwise
 */
public record NoiseSpec(Kind kind, double rate, Map<Integer, Integer> transitions) {

  /** The noise models of the evaluation protocol. */
  public enum Kind {
    NONE,
    SYMMETRIC,
    ASYMMETRIC,
    /** Flips what a weak model confuses, to the class it confuses it with. */
    INSTANCE
  }

  /** Epochs of the weak model whose confusions instance-dependent noise copies. */
  public static final int WEAK_MODEL_EPOCHS = 1;

  /** MNIST's look-alike flips of the evaluation protocol: 7->1, 2->7, 3->8, 5->6, 6->5. */
  public static final Map<Integer, Integer> MNIST_TRANSITIONS =
      Map.of(7, 1, 2, 7, 3, 8, 5, 6, 6, 5);

  public NoiseSpec {
    if (kind == null) {
      throw new IllegalArgumentException("noise kind must be given");
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("noise rate must be in [0, 1], was " + rate);
    }
    transitions = Map.copyOf(transitions == null ? Map.of() : transitions);
    if (kind == Kind.ASYMMETRIC && transitions.isEmpty()) {
      throw new IllegalArgumentException("asymmetric noise needs a transition table");
    }
  }

  public static NoiseSpec symmetric(double rate) {
    return new NoiseSpec(Kind.SYMMETRIC, rate, Map.of());
  }

  public static NoiseSpec asymmetric(double rate, Map<Integer, Integer> transitions) {
    return new NoiseSpec(Kind.ASYMMETRIC, rate, transitions);
  }

  public static NoiseSpec instanceDependent(double rate) {
    return new NoiseSpec(Kind.INSTANCE, rate, Map.of());
  }

  public static NoiseSpec none() {
    return new NoiseSpec(Kind.NONE, 0, Map.of());
  }

  /** Whether {@link #inject} needs a weak model's probabilities. */
  public boolean needsWeakModel() {
    return kind == Kind.INSTANCE;
  }

  /** Corrupts {@code labels} with this noise and {@code seed} (not for instance noise). */
  public NoisyLabels inject(int[] labels, int numClasses, long seed) {
    return inject(labels, numClasses, seed, null);
  }

  /**
   * Corrupts {@code labels} with this noise and {@code seed}; instance-dependent noise copies the
   * confusions of {@code weakModel}, a weak model's probabilities per sample.
   *
   * @throws IllegalArgumentException if instance noise gets no weak model
   */
  public NoisyLabels inject(int[] labels, int numClasses, long seed, float[][] weakModel) {
    return switch (kind) {
      case NONE -> new NoisyLabels(labels.clone(), new boolean[labels.length]);
      case SYMMETRIC -> NoiseInjector.symmetric(labels, numClasses, rate, seed);
      case ASYMMETRIC -> NoiseInjector.asymmetric(labels, numClasses, transitions, rate, seed);
      case INSTANCE -> {
        if (weakModel == null) {
          throw new IllegalArgumentException("instance-dependent noise needs a weak model");
        }
        yield NoiseInjector.instanceDependent(labels, numClasses, weakModel, rate, seed);
      }
    };
  }

  /** For example {@code symmetric 20%} or {@code asymmetric 40% (2->7, 3->8)}. */
  public String describe() {
    if (kind == Kind.NONE) {
      return "none";
    }
    String text =
        String.format(
            Locale.ROOT, "%s %s%%", kind.name().toLowerCase(Locale.ROOT), trim(rate * 100));
    if (kind == Kind.ASYMMETRIC) {
      StringBuilder pairs = new StringBuilder();
      new TreeMap<>(transitions)
          .forEach((s, t) -> pairs.append(pairs.isEmpty() ? "" : ", ").append(s + "->" + t));
      text += " (" + pairs + ")";
    }
    if (kind == Kind.INSTANCE) {
      text =
          "instance-dependent "
              + trim(rate * 100)
              + "% (a "
              + WEAK_MODEL_EPOCHS
              + "-epoch model's confusions)";
    }
    return text;
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}

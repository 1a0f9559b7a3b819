package com.relabel.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The noise-scoring methods by name, in a stable order: how callers (the UI, the CSV export, the
 * benchmark) choose methods without knowing their classes. Immutable; {@link #with} returns a new
 * registry.
 */
public final class ScorerRegistry {

  private final Map<String, NoiseScorer> scorers;

  private ScorerRegistry(Map<String, NoiseScorer> scorers) {
    this.scorers = scorers;
  }

  /** The built-in methods, in this order: loss, confidence, correctness, aum. */
  public static ScorerRegistry defaults() {
    return of(
        new MeanLossScorer(), new ConfidenceScorer(), new CorrectnessScorer(), new AumScorer());
  }

  /**
   * The defaults followed by every further method whose inputs the dynamics carry, in this order:
   * loss, confidence, correctness, aum, cl, margin, gmm, influence, then knn when there are
   * embeddings, softlabel when there are soft targets and aquavs when there are VAE latent means.
   * (cl uses held-out probabilities when recorded, else the final ones; influence uses embedding
   * norms when recorded.)
   */
  public static ScorerRegistry forDynamics(TrainingDynamics dynamics) {
    ScorerRegistry registry =
        defaults()
            .with(new ConfidentLearningScorer())
            .with(new MarginScorer())
            .with(new LossMixtureScorer())
            .with(new SelfInfluenceScorer());
    if (dynamics.embeddings() != null) {
      registry = registry.with(new KnnDisagreementScorer());
    }
    if (dynamics.softTargets() != null) {
      registry = registry.with(new SoftLabelScorer());
    }
    if (dynamics.latentMeans() != null) {
      registry = registry.with(new LatentOutlierScorer());
    }
    return registry;
  }

  /**
   * A registry of the given scorers, in the given order.
   *
   * @throws IllegalArgumentException if a name is blank, repeats, or is the reserved {@value
   *     RankAverageEnsemble#NAME}
   */
  public static ScorerRegistry of(NoiseScorer... scorers) {
    ScorerRegistry registry = new ScorerRegistry(new LinkedHashMap<>());
    for (NoiseScorer scorer : scorers) {
      registry = registry.with(scorer);
    }
    return registry;
  }

  /** A new registry with this one's scorers followed by {@code scorer}. */
  public ScorerRegistry with(NoiseScorer scorer) {
    String name = scorer.name();
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a scorer needs a name");
    }
    if (name.equals(RankAverageEnsemble.NAME)) {
      throw new IllegalArgumentException("the name " + name + " is reserved for the ensemble");
    }
    if (scorers.containsKey(name)) {
      throw new IllegalArgumentException("a scorer named " + name + " is already registered");
    }
    Map<String, NoiseScorer> extended = new LinkedHashMap<>(scorers);
    extended.put(name, scorer);
    return new ScorerRegistry(extended);
  }

  /**
   * The scorer registered under {@code name}.
   *
   * @throws IllegalArgumentException naming the known methods if there is none
   */
  public NoiseScorer get(String name) {
    NoiseScorer scorer = scorers.get(name);
    if (scorer == null) {
      throw new IllegalArgumentException(
          "unknown scoring method '" + name + "'; known methods: " + String.join(", ", names()));
    }
    return scorer;
  }

  /** Whether a scorer is registered under {@code name}. */
  public boolean contains(String name) {
    return scorers.containsKey(name);
  }

  /** The registered names in registration order. */
  public List<String> names() {
    return List.copyOf(scorers.keySet());
  }

  /** The registered scorers in registration order. */
  public List<NoiseScorer> scorers() {
    return List.copyOf(scorers.values());
  }

  /** Runs every scorer, in registry order, and checks each covers every sample. */
  public List<MethodScores> scoreEach(TrainingDynamics dynamics) {
    List<MethodScores> results = new ArrayList<>(scorers.size());
    for (NoiseScorer scorer : scorers.values()) {
      MethodScores scores = scorer.score(dynamics);
      if (!scorer.name().equals(scores.method())
          || scores.scores().length != dynamics.sampleCount()) {
        throw new IllegalStateException(
            scorer.name() + " must return one score per sample under its own name");
      }
      results.add(scores);
    }
    return results;
  }

  /** Every method plus the {@link RankAverageEnsemble#standard() standard} ensemble. */
  public ScoreTable scoreAll(TrainingDynamics dynamics) {
    return scoreAll(dynamics, RankAverageEnsemble.standard());
  }

  /** Every method plus their rank-average under the given ensemble's weights. */
  public ScoreTable scoreAll(TrainingDynamics dynamics, RankAverageEnsemble ensemble) {
    if (scorers.isEmpty()) {
      throw new IllegalStateException("the registry has no scorers");
    }
    List<MethodScores> methods = scoreEach(dynamics);
    return new ScoreTable(methods, ensemble.combine(methods, Suggestions.ensemble(dynamics)));
  }

  /**
   * The registry restricted to {@code names}, in this registry's order; all methods when {@code
   * names} is empty.
   *
   * @throws IllegalArgumentException naming the known methods if a name is unknown
   */
  public ScorerRegistry select(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    names.forEach(this::get);
    Map<String, NoiseScorer> chosen = new LinkedHashMap<>();
    scorers.forEach(
        (name, scorer) -> {
          if (names.contains(name)) {
            chosen.put(name, scorer);
          }
        });
    return new ScorerRegistry(chosen);
  }
}

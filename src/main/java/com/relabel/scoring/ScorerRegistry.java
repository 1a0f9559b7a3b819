package com.relabel.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The noise-scoring methods by name, in a stable order: how callers (the UI, the CSV export, the
 * benchmark) choose methods without knowing their classes. {@link #all} is the one list of methods;
 * {@link #forDynamics} takes from it those whose inputs a run's dynamics carry. Immutable; {@link
 * #with} returns a new registry.
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
   * Every method, in this order: loss, confidence, correctness, aum, cl, margin, gmm, influence,
   * knn, softlabel, aquavs. A run uses those of them that apply to its dynamics (knn needs
   * embeddings, softlabel soft targets, aquavs the latent means of the VAE that choosing it
   * trains).
   */
  public static ScorerRegistry all() {
    return of(every(new KnnDisagreementScorer()).toArray(NoiseScorer[]::new));
  }

  /**
   * The methods of {@link #all} whose inputs the dynamics carry ({@link NoiseScorer#appliesTo}), in
   * that order. (cl uses held-out probabilities when recorded, else the final ones; influence uses
   * embedding norms when recorded.) With embeddings, knn searches their {@link
   * Neighbours#DEFAULT_K} nearest neighbours; a caller that keeps them too searches once with
   * {@link Neighbours#of} and passes them to {@link #forDynamics(TrainingDynamics, Neighbours)}.
   */
  public static ScorerRegistry forDynamics(TrainingDynamics dynamics) {
    return forDynamics(dynamics, null);
  }

  /**
   * As {@link #forDynamics(TrainingDynamics)}, knn scoring by {@code neighbours}, searched
   * beforehand among the dynamics' embeddings ({@link Neighbours#of}); {@code null} to search them
   * when knn scores.
   */
  public static ScorerRegistry forDynamics(TrainingDynamics dynamics, Neighbours neighbours) {
    KnnDisagreementScorer knn =
        neighbours == null ? new KnnDisagreementScorer() : new KnnDisagreementScorer(neighbours);
    ScorerRegistry registry = new ScorerRegistry(new LinkedHashMap<>());
    for (NoiseScorer scorer : every(knn)) {
      if (scorer.appliesTo(dynamics)) {
        registry = registry.with(scorer);
      }
    }
    return registry;
  }

  /** The one list of methods, in the order of {@link #all}. */
  private static List<NoiseScorer> every(KnnDisagreementScorer knn) {
    return List.of(
        new MeanLossScorer(),
        new ConfidenceScorer(),
        new CorrectnessScorer(),
        new AumScorer(),
        new ConfidentLearningScorer(),
        new MarginScorer(),
        new LossMixtureScorer(),
        new SelfInfluenceScorer(),
        knn,
        new SoftLabelScorer(),
        new LatentOutlierScorer());
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

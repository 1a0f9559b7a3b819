package com.relabel.scoring;

/** A noise-scoring method: training dynamics in, one suspicion score per sample out. */
public interface NoiseScorer {

  /** The registry name, lower case, used as the CSV column and in the UI. */
  String name();

  /** Scores every sample; higher means more likely mislabeled. Deterministic. */
  MethodScores score(TrainingDynamics dynamics);

  /** Whether the dynamics carry this method's inputs; most methods need only the history. */
  default boolean appliesTo(TrainingDynamics dynamics) {
    return true;
  }
}

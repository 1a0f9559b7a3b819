package com.relabel.training;

import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.TrainingDynamics;

/**
 * The nearest neighbours a run keeps for the review view: the search that {@link
 * ScorerRegistry#forDynamics} made once for the dynamics, the one the kNN method scored by (and
 * made all the same when the run did not choose kNN).
 */
final class RunNeighbours {
  private RunNeighbours() {}

  /**
   * {@code [row][rank]} neighbours, nearest first; {@code null} without embeddings.
   *
   * @param registry made by {@link ScorerRegistry#forDynamics} for {@code dynamics} (then perhaps
   *     narrowed by {@link ScorerRegistry#select})
   * @throws IllegalArgumentException if the registry holds no search for these dynamics
   */
  static int[][] of(ScorerRegistry registry, TrainingDynamics dynamics) {
    if (dynamics.embeddings() == null) {
      return null;
    }
    int[][] neighbours = registry.neighbours();
    if (neighbours == null || neighbours.length != dynamics.sampleCount()) {
      throw new IllegalArgumentException(
          "the registry was not made by ScorerRegistry.forDynamics for these dynamics");
    }
    return neighbours;
  }
}

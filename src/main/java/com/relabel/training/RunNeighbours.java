package com.relabel.training;

import com.relabel.scoring.KnnDisagreementScorer;
import com.relabel.scoring.NoiseScorer;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.TrainingDynamics;

/**
 * The nearest neighbours a run keeps for the review view: those the kNN method found while scoring
 * (no second search), or a search of their own when the run did not score with kNN.
 */
final class RunNeighbours {
  private RunNeighbours() {}

  /** {@code [row][rank]} neighbours, nearest first; {@code null} without embeddings. */
  static int[][] of(ScorerRegistry registry, TrainingDynamics dynamics) {
    if (dynamics.embeddings() == null) {
      return null;
    }
    NoiseScorer scorer =
        registry.contains(KnnDisagreementScorer.NAME)
            ? registry.get(KnnDisagreementScorer.NAME)
            : new KnnDisagreementScorer();
    KnnDisagreementScorer knn =
        scorer instanceof KnnDisagreementScorer found ? found : new KnnDisagreementScorer();
    return knn.neighbours(dynamics);
  }
}

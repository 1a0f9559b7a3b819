package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NeighboursTest {

  private static final int N = 300;

  @Test
  void knnScoresByTheNeighboursPassedToTheRegistry() {
    TrainingDynamics dynamics = dynamics(new float[N][8]);
    Neighbours neighbours = Neighbours.of(dynamics);
    ScorerRegistry registry = ScorerRegistry.forDynamics(dynamics, neighbours);

    MethodScores knn = registry.get(KnnDisagreementScorer.NAME).score(dynamics);

    assertThat(neighbours.k()).isEqualTo(Neighbours.DEFAULT_K);
    assertThat(neighbours.indices())
        .isDeepEqualTo(
            Neighbours.search(dynamics.embeddings(), KnnDisagreementScorer.DEFAULT_K, 1).indices());
    MethodScores alone =
        new KnnDisagreementScorer(KnnDisagreementScorer.DEFAULT_K, 1).score(dynamics);
    assertThat(knn.scores()).containsExactly(alone.scores());
    assertThat(knn.suggestedLabels()).containsExactly(alone.suggestedLabels());
    // the very search: sample 0's neighbours, changed in what the run keeps, change its knn score
    assertThat(knn.scores()[0]).isLessThan(1.0);
    neighbours.indices()[0] =
        IntStream.range(1, N)
            .filter(i -> dynamics.givenLabels()[i] != dynamics.givenLabels()[0])
            .limit(KnnDisagreementScorer.DEFAULT_K)
            .toArray();
    assertThat(registry.get(KnnDisagreementScorer.NAME).score(dynamics).scores()[0]).isOne();
  }

  @Test
  void noEmbeddingsNoNeighbours() {
    assertThat(Neighbours.of(dynamics(null))).isNull();
  }

  /** Random two-class predictions; {@code embeddings} filled at random unless null. */
  private static TrainingDynamics dynamics(float[][] embeddings) {
    SplittableRandom random = new SplittableRandom(11);
    int[] labels = new int[N];
    float[][] probabilities = new float[N][2];
    for (int i = 0; i < N; i++) {
      labels[i] = random.nextInt(2);
      probabilities[i][0] = (float) random.nextDouble();
      probabilities[i][1] = 1 - probabilities[i][0];
      if (embeddings != null) {
        for (int d = 0; d < embeddings[i].length; d++) {
          embeddings[i][d] = (float) random.nextGaussian() + (labels[i] == 0 ? 1 : -1);
        }
      }
    }
    return TrainingDynamics.fromPredictions(labels, 2, probabilities, embeddings);
  }
}

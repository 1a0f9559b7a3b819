package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.relabel.scoring.KnnDisagreementScorer;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.TrainingDynamics;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The neighbours a run keeps are the very search its kNN scores were made from, searched once. */
class RunNeighboursTest {

  private static final int N = 300;

  @Test
  void theRunKeepsTheNeighboursTheKnnScoreUsed() {
    TrainingDynamics dynamics = dynamics(new float[N][8]);
    ScorerRegistry registry = ScorerRegistry.forDynamics(dynamics);

    int[][] kept = RunNeighbours.of(registry, dynamics);
    MethodScores knn = registry.get(KnnDisagreementScorer.NAME).score(dynamics);

    int[][] searchedAlone =
        KnnDisagreementScorer.nearestNeighbours(
            dynamics.embeddings(), KnnDisagreementScorer.DEFAULT_K, 1);
    assertThat(kept).isDeepEqualTo(searchedAlone);
    MethodScores alone =
        new KnnDisagreementScorer(KnnDisagreementScorer.DEFAULT_K, 1).score(dynamics);
    assertThat(knn.scores()).containsExactly(alone.scores());
    assertThat(knn.suggestedLabels()).containsExactly(alone.suggestedLabels());
    // the very array: sample 0's neighbours, changed in what the run keeps, change its knn score
    assertThat(knn.scores()[0]).isLessThan(1.0);
    kept[0] =
        IntStream.range(1, N)
            .filter(i -> dynamics.givenLabels()[i] != dynamics.givenLabels()[0])
            .limit(KnnDisagreementScorer.DEFAULT_K)
            .toArray();
    assertThat(registry.get(KnnDisagreementScorer.NAME).score(dynamics).scores()[0]).isOne();
  }

  @Test
  void aRunThatDidNotChooseKnnKeepsTheSameSearch() {
    TrainingDynamics dynamics = dynamics(new float[N][8]);

    ScorerRegistry chosen = ScorerRegistry.forDynamics(dynamics).select(List.of("loss", "margin"));

    assertThat(chosen.contains(KnnDisagreementScorer.NAME)).isFalse();
    assertThat(RunNeighbours.of(chosen, dynamics))
        .isDeepEqualTo(
            KnnDisagreementScorer.nearestNeighbours(
                dynamics.embeddings(), KnnDisagreementScorer.DEFAULT_K, 1));
    assertThat(RunNeighbours.of(chosen, dynamics(null))).isNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RunNeighbours.of(ScorerRegistry.all(), dynamics));
  }

  @Test
  void everyMethodOfTheRegistryCanBeChosenForARun() {
    assertThat(TrainingRuns.methodNames())
        .isEqualTo(ScorerRegistry.all().names())
        .contains("margin");
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

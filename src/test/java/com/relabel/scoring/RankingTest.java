package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankingTest {

  @Test
  void ordersMostSuspiciousFirstKeepingIndexOrderWithinTies() {
    double[] scores = {0.2, 0.9, 0.5, 0.9, 0.2};

    assertThat(Ranking.mostSuspiciousFirst(scores)).containsExactly(1, 3, 2, 0, 4);
    assertThat(Ranking.ascendingOrder(scores)).containsExactly(0, 4, 2, 1, 3);
  }

  @Test
  void givesTiesTheirAverageRank() {
    double[] scores = {0.2, 0.9, 0.5, 0.9, 0.2};

    assertThat(Ranking.averageRanks(scores)).containsExactly(1.5, 4.5, 3.0, 4.5, 1.5);
    assertThat(Ranking.normalizedRanks(scores)).containsExactly(0.125, 0.875, 0.5, 0.875, 0.125);
  }

  @Test
  void normalizesToTheUnitInterval() {
    assertThat(Ranking.normalizedRanks(new double[] {3, 1, 2})).containsExactly(1.0, 0.0, 0.5);
    assertThat(Ranking.normalizedRanks(new double[] {7, 7, 7})).containsExactly(0.5, 0.5, 0.5);
    assertThat(Ranking.normalizedRanks(new double[] {7})).containsExactly(0.5);
    assertThat(Ranking.normalizedRanks(new double[0])).isEmpty();
  }

  @Test
  void ranksNanAboveInfinity() {
    double[] scores = {Double.POSITIVE_INFINITY, Double.NaN, 0};

    assertThat(Ranking.mostSuspiciousFirst(scores)).containsExactly(1, 0, 2);
  }

  @Test
  void agreesWithAStableLibrarySortOnManyTiedValues() {
    SplittableRandom random = new SplittableRandom(7);
    double[] scores = new double[10_001];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(100);
    }

    int[] expected =
        IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
            .mapToInt(Integer::intValue)
            .toArray();

    assertThat(Ranking.mostSuspiciousFirst(scores)).containsExactly(expected);
  }
}

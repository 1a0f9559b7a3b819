package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReviewWeightedEnsembleTest {

  private final SyntheticBenchmark benchmark = SyntheticBenchmark.generate(2_000, 10, 10, 0.10, 42);

  /** The simulation's loss ranking and a method that scores at random. */
  private List<MethodScores> informativeAndRandom() {
    MethodScores loss = new MeanLossScorer().score(benchmark.dynamics());
    SplittableRandom random = new SplittableRandom(9);
    double[] noise = new double[loss.scores().length];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextDouble();
    }
    return List.of(loss, MethodScores.of("random", noise));
  }

  /** Reviews of the first {@code count} samples of the equal-weight queue, answered truthfully. */
  private List<ReviewWeightedEnsemble.Review> reviewTopOfQueue(
      List<MethodScores> methods, int count) {
    MethodScores equal =
        RankAverageEnsemble.equalWeights()
            .combine(methods, Suggestions.finalPrediction(benchmark.dynamics()));
    int[] queue = Ranking.mostSuspiciousFirst(equal.scores());
    List<ReviewWeightedEnsemble.Review> reviews = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      reviews.add(new ReviewWeightedEnsemble.Review(queue[r], benchmark.flipped()[queue[r]]));
    }
    return reviews;
  }

  @Test
  void learnsToTrustTheInformativeMethod() {
    List<MethodScores> methods = informativeAndRandom();
    ReviewWeightedEnsemble learned =
        ReviewWeightedEnsemble.fit(methods, reviewTopOfQueue(methods, 300));
    Suggestions suggestions = Suggestions.finalPrediction(benchmark.dynamics());
    double equalAuroc =
        Evaluation.auroc(
            RankAverageEnsemble.equalWeights().combine(methods, suggestions).scores(),
            benchmark.flipped());
    double learnedAuroc =
        Evaluation.auroc(
            learned.ensemble().combine(methods, suggestions).scores(), benchmark.flipped());
    System.out.printf(
        "review weights %s, AUROC equal %.4f learned %.4f%n",
        learned.weights(), equalAuroc, learnedAuroc);

    assertThat(learned.fitted()).isTrue();
    assertThat(learned.weights().get("loss")).isGreaterThan(learned.weights().get("random"));
    assertThat(learned.coefficients().get("loss")).isPositive();
    assertThat(learnedAuroc).isGreaterThanOrEqualTo(equalAuroc);
    assertThat(ReviewWeightedEnsemble.fit(methods, reviewTopOfQueue(methods, 300)).weights())
        .isEqualTo(learned.weights());
  }

  @Test
  void aFewConfirmationsMoveTheStandardWeightsOnlyALittle() {
    List<MethodScores> methods = informativeAndRandom();
    List<ReviewWeightedEnsemble.Review> reviews = new ArrayList<>();
    int confirmed = 0;
    for (int i = 0; i < benchmark.flipped().length && reviews.size() < 200; i++) {
      if (benchmark.flipped()[i]) {
        reviews.add(new ReviewWeightedEnsemble.Review(i, true));
      } else if (confirmed < 5) {
        reviews.add(new ReviewWeightedEnsemble.Review(i, false));
        confirmed++;
      }
    }

    ReviewWeightedEnsemble learned = ReviewWeightedEnsemble.fit(methods, reviews);

    // the standard weights of these two methods are equal (1 and 1, normalised 0.5 each); five
    // confirmations give the learned weights a share of 5 / 205
    double share = ReviewWeightedEnsemble.learnedShare(5);
    assertThat(share).isCloseTo(5 / 205.0, within(1e-12));
    assertThat(learned.fitted()).isTrue();
    assertThat(learned.weights().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(learned.weights().get("random")).isBetween(0.5 * (1 - share), 0.5 + 0.5 * share);
    assertThat(learned.weights().get("loss")).isBetween(0.5 * (1 - share), 0.5 + 0.5 * share);
  }

  @Test
  void keepsEqualWeightsWithTooFewReviewsOfAnOutcome() {
    List<MethodScores> methods = informativeAndRandom();
    List<ReviewWeightedEnsemble.Review> reviews = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      reviews.add(new ReviewWeightedEnsemble.Review(i, true));
    }
    for (int i = 4; i < 50; i++) {
      reviews.add(new ReviewWeightedEnsemble.Review(i, false));
    }

    ReviewWeightedEnsemble fallback = ReviewWeightedEnsemble.fit(methods, reviews);

    assertThat(fallback.fitted()).isFalse();
    assertThat(fallback.weights()).containsEntry("loss", 1.0).containsEntry("random", 1.0);
  }
}

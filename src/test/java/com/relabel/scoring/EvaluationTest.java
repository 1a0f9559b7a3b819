package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static final Offset<Double> EXACT = within(1e-12);

  private static final boolean[] TRUTH = {true, false, true, false, false};

  @Test
  void aurocOfPerfectReversedAndTiedRankings() {
    assertThat(Evaluation.auroc(new double[] {5, 1, 4, 2, 3}, TRUTH)).isEqualTo(1.0);
    assertThat(Evaluation.auroc(new double[] {1, 5, 2, 4, 3}, TRUTH)).isEqualTo(0.0);
    assertThat(Evaluation.auroc(new double[] {7, 7, 7, 7, 7}, TRUTH)).isEqualTo(0.5);
  }

  @Test
  void aurocCountsATiedPairAsHalf() {
    // Positives score 0.5 and 0.1, negatives 0.9 and 0.5: one tied pair of four = 0.5 / 4.
    double[] scores = {0.9, 0.5, 0.5, 0.1};
    boolean[] truth = {false, true, false, true};

    assertThat(Evaluation.auroc(scores, truth)).isEqualTo(0.125);
  }

  @Test
  void averagePrecisionWithoutTiesMeansThePrecisionAtEachPositive() {
    // Positives at ranks 1 and 3: (1/1 + 2/3) / 2.
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};

    assertThat(Evaluation.averagePrecision(scores, TRUTH)).isCloseTo(5.0 / 6, EXACT);
  }

  @Test
  void averagePrecisionStepsOverTiedThresholds() {
    // Thresholds 0.9: no positive; 0.5: recall 1/2 at precision 1/3; 0.1: recall 1 at 2/4.
    double[] scores = {0.9, 0.5, 0.5, 0.1};
    boolean[] truth = {false, true, false, true};

    assertThat(Evaluation.averagePrecision(scores, truth)).isCloseTo(5.0 / 12, EXACT);
  }

  @Test
  void precisionAndRecallAtK() {
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};

    assertThat(Evaluation.precisionAtK(scores, TRUTH, 1)).isEqualTo(1.0);
    assertThat(Evaluation.precisionAtK(scores, TRUTH, 2)).isEqualTo(0.5);
    assertThat(Evaluation.recallAtK(scores, TRUTH, 2)).isEqualTo(0.5);
    assertThat(Evaluation.recallAtK(scores, TRUTH, 3)).isEqualTo(1.0);
  }

  @Test
  void precisionAtKSharesTheGroupTiedAtTheCutOff() {
    // The top place is a negative; the second is shared by a tied positive and negative.
    double[] scores = {0.9, 0.5, 0.5, 0.1};
    boolean[] truth = {false, true, false, true};

    assertThat(Evaluation.precisionAtK(scores, truth, 2)).isEqualTo(0.25);
    assertThat(Evaluation.recallAtK(scores, truth, 2)).isEqualTo(0.25);
  }

  @Test
  void suggestionAccuracyCountsOnlyTrulyMislabeledSamples() {
    int[] suggested = {1, 0, 2, 9, 9};
    int[] trueLabels = {1, 1, 3, 3, 3};

    assertThat(Evaluation.suggestionAccuracy(suggested, trueLabels, TRUTH)).isEqualTo(0.5);
  }

  @Test
  void reportCollectsTheMetricsAtTheNumberOfPositives() {
    EvaluationReport report = EvaluationReport.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5}, TRUTH);

    assertThat(report.k()).isEqualTo(2);
    assertThat(report.auroc()).isEqualTo(5.0 / 6);
    assertThat(report.precisionAtK()).isEqualTo(0.5);
    assertThat(report).hasToString("AUROC 0.8333  AP 0.8333  P@2 0.5000  R@2 0.5000");
  }

  @Test
  void rejectsMetricsThatAreUndefined() {
    double[] scores = {0.3, 0.2};

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Evaluation.auroc(scores, new boolean[] {true, true}))
        .withMessageContaining("at least one positive and one negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Evaluation.averagePrecision(scores, new boolean[2]));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Evaluation.auroc(scores, new boolean[3]))
        .withMessage("2 scores but 3 ground-truth flags");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Evaluation.precisionAtK(scores, new boolean[] {true, false}, 0));
  }
}

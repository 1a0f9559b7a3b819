package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodAgreementTest {

  private static final MethodScores A = MethodScores.of("a", new double[] {0.9, 0.1, 0.8, 0.2});
  private static final MethodScores B = MethodScores.of("b", new double[] {0.1, 0.9, 0.8, 0.2});

  @Test
  void eachMethodFlagsItsTopK() {
    MethodAgreement agreement = MethodAgreement.of(List.of(A, B), 2);

    assertThat(agreement.methods()).containsExactly("a", "b");
    assertThat(agreement.flaggedBy(0)).containsExactly("a");
    assertThat(agreement.flaggedBy(1)).containsExactly("b");
    assertThat(agreement.flaggedBy(2)).containsExactly("a", "b");
    assertThat(agreement.flaggedBy(3)).isEmpty();
    assertThat(agreement.mask(2)).isEqualTo(0b11L);
    assertThat(agreement.flagCount(2)).isEqualTo(2);
    assertThat(agreement.isFlaggedBy(1, "b")).isTrue();
    assertThat(agreement.isFlaggedBy(1, "a")).isFalse();
    assertThat(agreement.isFlaggedBy(1, "unknown")).isFalse();
  }

  @Test
  void breaksTiesAtTheCutOffByLowerIndex() {
    MethodScores tied = MethodScores.of("tied", new double[] {0.5, 0.5, 0.5});

    MethodAgreement agreement = MethodAgreement.of(List.of(tied), 1);

    assertThat(agreement.flagCount(0)).isOne();
    assertThat(agreement.flagCount(1)).isZero();
    assertThat(agreement.flagCount(2)).isZero();
  }

  @Test
  void estimatesKAsTheSamplesWhoseFinalPredictionDisagreesWithTheirLabel() {
    TrainingDynamics dynamics = HandMadeDynamics.threeSamples();

    assertThat(MethodAgreement.estimatedErrorCount(dynamics)).isEqualTo(2);
    MethodAgreement agreement =
        MethodAgreement.of(ScorerRegistry.defaults().scoreEach(dynamics), dynamics);
    assertThat(agreement.k()).isEqualTo(2);
    assertThat(agreement.flaggedBy(0)).isEmpty();
    assertThat(agreement.flaggedBy(1)).containsExactly("loss", "confidence", "correctness", "aum");
  }

  @Test
  void validatesKAndMethods() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MethodAgreement.of(List.of(A), 5))
        .withMessage("k must be in [0, 4], was 5");
    assertThatIllegalArgumentException().isThrownBy(() -> MethodAgreement.of(List.of(A), -1));
    assertThatIllegalArgumentException().isThrownBy(() -> MethodAgreement.of(List.of(), 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MethodAgreement.of(Collections.nCopies(65, A), 0));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> MethodAgreement.of(List.of(A, MethodScores.of("c", new double[] {1})), 1));
  }
}

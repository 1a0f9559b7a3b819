package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Decision 0026's rule: when a finished run is worse than the active one, and what it says. */
class TakeOverTest {

  @Test
  void theFirstRunTakesOver() {
    TakeOver first = TakeOver.firstRun(1);
    assertThat(first.takesOver()).isTrue();
    assertThat(first.reason()).isEmpty();
    assertThat(first.heldOutInCommon()).isFalse();
  }

  @Test
  void aHeldOutAccuracyBelowTheActiveRunsByMoreThanChanceHoldsTheRunBack() {
    // 6,000 held out each: 2 SE of the difference at 0.84 is 0.0134
    TakeOver worse = heldOut(0.81, 6000, 0.87, 6000);
    assertThat(worse.accuracyTolerance()).isCloseTo(0.0134, within(0.0005));
    assertThat(worse.worseOnHeldOut()).isTrue();
    assertThat(worse.takesOver()).isFalse();
    assertThat(worse.reason()).hasValue("held-out accuracy 0.810 < active run #3's 0.870");

    assertThat(heldOut(0.86, 6000, 0.87, 6000).takesOver()).as("within 2 SE").isTrue();
    assertThat(heldOut(0.87, 6000, 0.87, 6000).takesOver()).as("a tie").isTrue();
    assertThat(heldOut(0.95, 6000, 0.87, 6000).takesOver()).as("better").isTrue();
  }

  @Test
  void nearPerfectAccuraciesStillNeedHalfAPointToDiffer() {
    // 2 SE at 0.998 on 100,000 each is 0.0004: the floor of 0.005 applies
    TakeOver close = heldOut(0.996, 100_000, 1.0, 100_000);
    assertThat(close.accuracyTolerance()).isEqualTo(TakeOver.MIN_ACCURACY_GAP);
    assertThat(close.takesOver()).isTrue();
    assertThat(heldOut(0.994, 100_000, 1.0, 100_000).takesOver()).isFalse();
  }

  @Test
  void onASmallHeldOutSplitOnlyALargeGapCounts() {
    // 20 each: 2 SE at 0.7 is 0.29
    assertThat(heldOut(0.6, 20, 0.8, 20).takesOver()).isTrue();
    assertThat(heldOut(0.3, 20, 0.9, 20).takesOver()).isFalse();
  }

  @Test
  void agreementWithTheReviewersCorrectionsCountsTheCorrectionsOnlyOneRunAgreesWith() {
    // 40 corrections; the active run alone agrees with 14, the candidate alone with 2:
    // 14 - 2 = 12 > 2 sqrt(16) = 8
    TakeOver worse = corrections(40, 10, 22, 2, 14);
    assertThat(worse.worseOnCorrections()).isTrue();
    assertThat(worse.reason())
        .hasValue("agrees with 10 of 40 reviewers' corrections < active run #3's 22");
    // 9 - 2 = 7 > 2 sqrt(11) = 6.6: worse; 8 - 2 = 6 < 2 sqrt(10) = 6.3: not worse
    assertThat(corrections(40, 10, 17, 2, 9).takesOver()).isFalse();
    assertThat(corrections(40, 10, 16, 2, 8).takesOver()).isTrue();
    assertThat(corrections(40, 20, 20, 5, 5).takesOver()).as("a tie").isTrue();
  }

  @Test
  void worseOnEitherMeasureIsWorseAndBothReasonsAreGiven() {
    TakeOver both = new TakeOver(4, 3L, 0.5, 1000, 0.9, 1000, 40, 10, 22, 2, 14);
    assertThat(both.reason())
        .hasValue(
            "held-out accuracy 0.500 < active run #3's 0.900; agrees with 10 of 40 reviewers'"
                + " corrections < active run #3's 22");
    TakeOver betterHeldOutWorseCorrections =
        new TakeOver(4, 3L, 0.95, 1000, 0.9, 1000, 40, 10, 22, 2, 14);
    assertThat(betterHeldOutWorseCorrections.takesOver()).isFalse();
  }

  @Test
  void withNoMeasureInCommonTheRunTakesOver() {
    // an imported run (no held-out split) against a trained one, no corrections since
    TakeOver none = new TakeOver(4, 3L, null, 0, 0.9, 1000, 0, 0, 0, 0, 0);
    assertThat(none.heldOutInCommon()).isFalse();
    assertThat(none.correctionsInCommon()).isFalse();
    assertThat(none.takesOver()).isTrue();
    assertThat(none.candidateHeldOutText()).isEqualTo("none");
    assertThat(none.activeHeldOutText()).isEqualTo("0.900 (of 1,000)");
    assertThat(none.candidateAgreedText()).isEqualTo("none yet");
  }

  private static TakeOver heldOut(double candidate, int n1, double active, int n2) {
    return new TakeOver(4, 3L, candidate, n1, active, n2, 0, 0, 0, 0, 0);
  }

  private static TakeOver corrections(
      int common, int candidateAgreed, int activeAgreed, int onlyCandidate, int onlyActive) {
    return new TakeOver(
        4, 3L, null, 0, null, 0, common, candidateAgreed, activeAgreed, onlyCandidate, onlyActive);
  }
}

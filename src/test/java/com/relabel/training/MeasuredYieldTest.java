package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The measured yield is reported from 50 reviews of a run's queue on, as errors per 100. */
class MeasuredYieldTest {

  @Test
  void belowFiftyReviewsThereIsNoYieldOnlyTheCountSoFar() {
    MeasuredYield none = new MeasuredYield(0, 0);
    assertThat(none.isMeasured()).isFalse();
    assertThat(none.errorsPer100()).isEmpty();
    assertThat(none.describe()).isEqualTo("after 50 reviews (0 so far)");

    MeasuredYield twelve = new MeasuredYield(12, 12);
    assertThat(twelve.errorsPer100()).isEmpty();
    assertThat(twelve.describe()).isEqualTo("after 50 reviews (12 so far)");

    MeasuredYield almost = new MeasuredYield(MeasuredYield.MINIMUM_REVIEWS - 1, 40);
    assertThat(almost.isMeasured()).isFalse();
    assertThat(almost.errorsPer100()).isEmpty();
  }

  @Test
  void fromFiftyReviewsOnItIsTheShareOfWrongLabelsPer100Reviews() {
    MeasuredYield fifty = new MeasuredYield(50, 40);
    assertThat(fifty.isMeasured()).isTrue();
    assertThat(fifty.errorsPer100()).hasValue(80.0);
    assertThat(fifty.describe()).isEqualTo("80 per 100 reviews, 50 reviewed");

    MeasuredYield more = new MeasuredYield(64, 59);
    assertThat(more.errorsPer100().getAsDouble()).isEqualTo(100.0 * 59 / 64);
    assertThat(more.describe()).isEqualTo("92 per 100 reviews, 64 reviewed");

    assertThat(new MeasuredYield(2_000, 0).describe())
        .isEqualTo("0 per 100 reviews, 2,000 reviewed");
  }

  @Test
  void moreErrorsThanReviewsIsRefused() {
    assertThatThrownBy(() -> new MeasuredYield(10, 11))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MeasuredYield(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

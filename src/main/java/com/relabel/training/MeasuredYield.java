package com.relabel.training;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What reviewers found in a run's queue: of the samples of the run's queue that they decided while
 * the run ranked it (final decisions: confirmed, corrected or excluded; skips and open votes do not
 * count), how many had a wrong label (corrected to another class, or excluded). The run's {@link
 * RunOutcome#getExpectedErrorsTop100() expected yield} is the model's own belief; this is the
 * figure to trust, once there are enough reviews to say it: {@value #MINIMUM_REVIEWS}.
 *
 * @param reviewed decided samples of the run's queue
 * @param errors of those, the corrected and excluded ones
 */
public record MeasuredYield(long reviewed, long errors) {

  /** Reviews of a run's queue before its measured yield is reported. */
  public static final int MINIMUM_REVIEWS = 50;

  public MeasuredYield {
    if (reviewed < 0 || errors < 0 || errors > reviewed) {
      throw new IllegalArgumentException(errors + " errors in " + reviewed + " reviews");
    }
  }

  /** Whether enough samples have been reviewed to report the yield. */
  public boolean isMeasured() {
    return reviewed >= MINIMUM_REVIEWS;
  }

  /**
   * Wrong labels found per 100 reviews ({@code 100 * errors / reviewed}), or empty before {@value
   * #MINIMUM_REVIEWS} reviews.
   */
  public OptionalDouble errorsPer100() {
    return isMeasured() ? OptionalDouble.of(100.0 * errors / reviewed) : OptionalDouble.empty();
  }

  /** "92 per 100 reviews, 64 reviewed", or "after 50 reviews (12 so far)". */
  public String describe() {
    if (!isMeasured()) {
      return String.format(Locale.ROOT, "after %d reviews (%,d so far)", MINIMUM_REVIEWS, reviewed);
    }
    return String.format(
        Locale.ROOT, "%.0f per 100 reviews, %,d reviewed", errorsPer100().getAsDouble(), reviewed);
  }
}

package com.relabel.api;

import com.relabel.training.MeasuredYield;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What reviewers found in a run's queue, as the REST API shows it: how many of its samples were
 * decided while it ranked the queue, and the wrong labels (corrected or excluded) per 100 of those
 * reviews, null until 50 have been made.
 */
@Schema(
    description =
        "What reviewers found in the run's queue: samples decided while the run ranked the queue"
            + " (confirmed, corrected or excluded; skips do not count), and the wrong labels"
            + " (corrected or excluded) per 100 of those reviews, null before 50 reviews")
record ApiMeasuredYield(
    @Schema(description = "Samples of the run's queue decided while it ranked the queue")
        long reviewed,
    @Schema(
            description =
                "Corrected or excluded per 100 reviewed samples; null until 50 have been reviewed",
            nullable = true)
        Double errorsPer100) {

  static ApiMeasuredYield of(MeasuredYield measured) {
    return new ApiMeasuredYield(
        measured.reviewed(),
        measured.errorsPer100().isPresent() ? measured.errorsPer100().getAsDouble() : null);
  }
}

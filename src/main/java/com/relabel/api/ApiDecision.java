package com.relabel.api;

import com.relabel.dataset.Sample;
import com.relabel.review.Decision;
import java.util.Locale;

/**
 * What a decision over the API recorded. {@code action} is what was recorded (a correction to the
 * label the sample already has is a confirmation, as in the review view; {@code skip} records
 * nothing and only gives the lease up, so it has no status); {@code outcome} is decided, or voted,
 * agreed or disputed under consensus review; {@code labelFinal} says whether the label is now
 * final; {@code version} is what an undo sends back.
 */
record ApiDecision(
    int sample,
    String action,
    String outcome,
    String status,
    int label,
    boolean labelFinal,
    int votes,
    int required,
    long version,
    String message) {

  static ApiDecision of(Decision decision, String action) {
    Sample sample = decision.sample();
    return new ApiDecision(
        sample.getSampleIndex(),
        action,
        lower(decision.outcome().name()),
        lower(sample.getStatus().name()),
        sample.getCurrentLabel(),
        sample.getStatus().isFinal(),
        decision.votes(),
        decision.required(),
        sample.getVersion(),
        decision.describe());
  }

  static ApiDecision skipped(int sampleIndex, long version, int label) {
    return new ApiDecision(
        sampleIndex,
        "skip",
        "skipped",
        null,
        label,
        false,
        0,
        0,
        version,
        "Skipped: the lease is given up and the queue may offer the sample to someone else.");
  }

  static ApiDecision undone(Sample sample) {
    return new ApiDecision(
        sample.getSampleIndex(),
        "undo",
        "undone",
        lower(sample.getStatus().name()),
        sample.getCurrentLabel(),
        false,
        0,
        0,
        sample.getVersion(),
        "Your last decision was taken back; the sample is open again.");
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

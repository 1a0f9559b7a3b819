package com.relabel.dataset;

/** Where a sample stands in review. */
public enum SampleStatus {
  /** Not decided yet: in the queue. */
  OPEN,
  /** A reviewer confirmed the current label. */
  CONFIRMED,
  /** A reviewer changed the label. */
  CORRECTED,
  /** A reviewer found it fits no class; it is left out of training. */
  EXCLUDED,
  /** Consensus review: the reviewers' votes disagree; an admin decides. Out of the queue. */
  DISPUTED;

  /** Whether this is a final decision (confirmed, corrected or excluded). */
  public boolean isFinal() {
    return this == CONFIRMED || this == CORRECTED || this == EXCLUDED;
  }
}

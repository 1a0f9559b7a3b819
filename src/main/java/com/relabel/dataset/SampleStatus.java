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
  EXCLUDED
}

package com.relabel.review;

import com.relabel.dataset.SampleStatus;

/** What a reviewer can decide about a sample. */
public enum ReviewAction {
  /** The current label is right. */
  CONFIRM(SampleStatus.CONFIRMED),
  /** The label is wrong; here is the right one. */
  CORRECT(SampleStatus.CORRECTED),
  /** The sample fits no class: leave it out. */
  EXCLUDE(SampleStatus.EXCLUDED),
  /** The reviewer took their last decision back: the sample is open again. */
  UNDO(SampleStatus.OPEN);

  private final SampleStatus resultingStatus;

  ReviewAction(SampleStatus resultingStatus) {
    this.resultingStatus = resultingStatus;
  }

  public SampleStatus resultingStatus() {
    return resultingStatus;
  }
}

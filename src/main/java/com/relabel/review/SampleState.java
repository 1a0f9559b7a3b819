package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import java.time.Instant;

/** Where a sample stands now: its status and label, and who decided it when (if anyone). */
public record SampleState(
    SampleStatus status, int currentLabel, String decidedBy, Instant decidedAt) {

  public boolean isOpen() {
    return status == SampleStatus.OPEN;
  }
}

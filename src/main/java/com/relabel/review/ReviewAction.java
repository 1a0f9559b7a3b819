package com.relabel.review;

import com.relabel.dataset.SampleStatus;

/**
 * What happens to a sample in review: the three choices a reviewer makes (confirm, correct,
 * exclude), taking a decision back, the steps of consensus review (a vote, the agreeing votes that
 * make a label final, a dispute, an admin's resolution), and a reviewer's "unsure", which hands the
 * sample to the admins. Each is one audit action.
 */
public enum ReviewAction {
  /** The current label is right. */
  CONFIRM(SampleStatus.CONFIRMED),
  /** The label is wrong; here is the right one. */
  CORRECT(SampleStatus.CORRECTED),
  /** The sample fits no class: leave it out. */
  EXCLUDE(SampleStatus.EXCLUDED),
  /** The reviewer took their last decision (or vote) back: the sample is open again. */
  UNDO(SampleStatus.OPEN),
  /**
   * Consensus review: one reviewer's vote. The sample stays open; the audit row's new label and
   * status are what the vote asks for.
   */
  VOTE(SampleStatus.OPEN),
  /** Consensus review: enough agreeing votes made the label final. */
  CONSENSUS(null),
  /** Consensus review: the votes disagree; the sample waits for an admin. */
  DISPUTE(SampleStatus.DISPUTED),
  /** An admin decided a disputed sample (final). */
  RESOLVE(null),
  /**
   * A reviewer is unsure of the sample: it leaves the queue for the admins' disputes, label
   * unchanged.
   */
  UNSURE(SampleStatus.DISPUTED);

  private final SampleStatus resultingStatus;

  ReviewAction(SampleStatus resultingStatus) {
    this.resultingStatus = resultingStatus;
  }

  /** Whether a reviewer chooses this for a sample: confirm, correct or exclude. */
  public boolean isChoice() {
    return this == CONFIRM || this == CORRECT || this == EXCLUDE;
  }

  /**
   * The sample's status after this action; for {@link #CONSENSUS} and {@link #RESOLVE} it is the
   * status of the choice agreed on, see {@link SampleDecided#newStatus()}.
   */
  public SampleStatus resultingStatus() {
    if (resultingStatus == null) {
      throw new IllegalStateException(name() + " takes the status of the choice agreed on");
    }
    return resultingStatus;
  }

  /** The choice that gives a sample {@code status}: CONFIRM, CORRECT or EXCLUDE. */
  static ReviewAction choiceFor(SampleStatus status) {
    return switch (status) {
      case CONFIRMED -> CONFIRM;
      case CORRECTED -> CORRECT;
      case EXCLUDED -> EXCLUDE;
      default -> throw new IllegalArgumentException(status + " is not a reviewer's choice");
    };
  }
}

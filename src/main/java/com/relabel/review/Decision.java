package com.relabel.review;

import com.relabel.dataset.Sample;

/**
 * What a reviewer's decision did: decided the sample outright, or (consensus review) recorded a
 * vote, which may have made the label final or sent the sample to the admins' disputes.
 *
 * @param sample the sample after the decision
 * @param outcome what happened
 * @param votes the votes on the sample now (0 outside consensus review)
 * @param required the agreeing votes the dataset requires (1 = no consensus)
 */
public record Decision(Sample sample, Outcome outcome, int votes, int required) {

  /** What a decision did. */
  public enum Outcome {
    /** A single decision: the label is final. */
    DECIDED,
    /** A vote was recorded; the sample waits for more. */
    VOTED,
    /** This vote completed the agreeing votes: the label is final. */
    AGREED,
    /** The votes disagree: the sample went to the admins' disputes. */
    DISPUTED
  }

  /** A short sentence for the reviewer. */
  public String describe() {
    return switch (outcome) {
      case DECIDED -> "Decision saved.";
      case VOTED ->
          "Your vote " + votes + " of " + required + " recorded; the sample waits for more votes.";
      case AGREED -> "Your vote " + votes + " of " + required + " agreed: the label is final.";
      case DISPUTED -> "The votes disagree: an admin will decide this sample.";
    };
  }
}

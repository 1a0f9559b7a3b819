package com.relabel.review;

import java.time.Instant;

/** One reviewer's vote on a sample in consensus review. */
public record Vote(String voter, ReviewAction choice, int label, Instant votedAt) {

  /** Whether two votes ask for the same outcome (same choice, same label). */
  public boolean agreesWith(Vote other) {
    return choice == other.choice && label == other.label;
  }
}

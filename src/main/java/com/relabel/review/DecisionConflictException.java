package com.relabel.review;

/** Someone else decided the sample after it was shown: nothing was changed. */
public class DecisionConflictException extends RuntimeException {
  public DecisionConflictException(String message) {
    super(message);
  }
}

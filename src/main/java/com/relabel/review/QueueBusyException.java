package com.relabel.review;

/**
 * The queue has open samples for the reviewer, but others took every one of them first, round after
 * round: try again in a moment. Not the same as an empty queue, which is an empty answer.
 */
public class QueueBusyException extends RuntimeException {

  /** How long a client should wait before it asks again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  QueueBusyException(String message) {
    super(message);
  }
}

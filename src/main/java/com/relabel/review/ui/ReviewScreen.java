package com.relabel.review.ui;

import com.relabel.review.QueueItem;

/** The review screen as far as {@link ReviewFlow} changes it: what is shown, and where. */
interface ReviewScreen {
  long datasetId();

  String rankingMethod();

  boolean hasActiveRun();

  boolean isText();

  /** The sample on screen; null when there is none. */
  QueueItem shown();

  /** The sample on screen is decided already: shown read-only, no decision keys. */
  boolean readOnly();

  /** Puts {@code item} on screen, and pre-loads the image of {@code following} (may be null). */
  void show(QueueItem item, Long following);

  /** No sample on screen, and why. */
  void showNone(String why);

  /** {@code saved}, and that the next sample cannot be shown now (the database went away). */
  void cannotShow(String saved);

  /** What a vote did in consensus review; null hides the line. */
  void consensus(String text);

  void refreshCounts();

  /** The queue moves on: the address no longer names an opened sample. */
  void queueMovesOn();

  void refreshHistory(QueueItem item);
}

package com.relabel.review.ui;

import com.relabel.base.ServerFault;
import com.relabel.review.QueueItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The review screen's answer to an action that the database could not take (decision 0028, issue
 * 13): the sample stays on screen as it was, and this banner says what was not saved. It stays
 * until the reviewer's next action is saved, or they close it; one banner, so repeated tries while
 * the database is away do not pile up notices.
 */
final class NotSavedBanner {

  private final Notification banner = new Notification();

  NotSavedBanner() {
    banner.setDuration(0);
    banner.setPosition(Notification.Position.TOP_CENTER);
    banner.addThemeVariants(NotificationVariant.LUMO_ERROR);
    banner.setId("not-saved");
  }

  /** A confirm, correct or exclude was not recorded. */
  void decisionRefused(QueueItem item) {
    open(
        "Not saved: the database cannot be reached. Your decision on sample #"
            + item.sampleIndex()
            + " was not recorded; try again.");
  }

  /** A skip did not happen: the sample is still leased to the reviewer and on screen. */
  void skipRefused(QueueItem item) {
    open(
        "Not saved: "
            + ServerFault.DATABASE_MESSAGE
            + ". Sample #"
            + item.sampleIndex()
            + " was not skipped; it stays on screen.");
  }

  /** An undo was not recorded: the decision stands, and U may be pressed again. */
  void undoRefused(QueueItem item) {
    open(
        "Not saved: "
            + ServerFault.DATABASE_MESSAGE
            + ". Your decision on sample #"
            + item.sampleIndex()
            + " was not undone.");
  }

  /** The reviewer's action was saved: what the banner said no longer holds. */
  void close() {
    banner.close();
  }

  private void open(String text) {
    banner.setText(text);
    banner.open();
  }
}

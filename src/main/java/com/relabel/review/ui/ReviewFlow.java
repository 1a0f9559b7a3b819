package com.relabel.review.ui;

import com.relabel.base.ServerFault;
import com.relabel.review.Decision;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.QueueBusyException;
import com.relabel.review.QueueItem;
import com.relabel.review.QueueOffer;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewNotes;
import com.relabel.review.ReviewService;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;

/**
 * What the review screen's decisions do: confirm, correct, exclude, skip, undo, unsure and comment;
 * which sample comes next is {@link QueueOnScreen}'s. Every action names the sample it was meant
 * for, and acts only while that is the sample on screen ({@link ShownSample}); a decision the
 * database refused leaves the sample on screen, to be decided again.
 */
final class ReviewFlow {

  private final ReviewService review;
  private final ReviewNotes notes;
  private final ReviewScreen screen;
  private final QueueOnScreen next;
  private final NotSavedBanner notSaved = new NotSavedBanner();
  private final LabelQuickPick quickPick;
  private QueueItem lastShown;
  private long lastVersion;

  ReviewFlow(
      ReviewService review, ReviewNotes notes, ReviewScreen screen, LabelQuickPick quickPick) {
    this.review = review;
    this.notes = notes;
    this.screen = screen;
    this.quickPick = quickPick;
    this.next = new QueueOnScreen(review, screen, ReviewFlow::warn);
  }

  /**
   * Shows sample #{@code number} of {@code ?sample=}: with the decision keys when open, else
   * read-only. An unknown number says so and shows the queue.
   */
  void open(String number) {
    next.open(number);
  }

  /** Takes the next sample of the queue (a lease) and shows it, or why there is none. */
  void showNext() {
    next.showNext();
  }

  /** A new run ranks the queue: the next sample comes from it; the one on screen stays. */
  void reranked() {
    if (screen.shown() == null) {
      showNext();
    } else {
      screen.refreshCounts();
    }
  }

  /** Decides {@code item} if it is still the sample on screen (it was when the reviewer acted). */
  void decide(QueueItem item, ReviewAction action, int label) {
    if (!stillOpenOnScreen(item)) {
      return;
    }
    String saved = "";
    try {
      Decision decision = review.record(item, action, label);
      lastVersion = decision.sample().getVersion();
      lastShown = item;
      // consensus review: say what the vote did ("your vote 1 of 2 recorded", a dispute)
      screen.consensus(decision.outcome() != Decision.Outcome.DECIDED ? decision.describe() : null);
      saved = "Your decision on sample #" + item.sampleIndex() + " was saved.";
    } catch (DecisionConflictException e) {
      warn(e.getMessage());
    } catch (RuntimeException e) {
      rethrowUnlessOutage(e);
      notSaved.decisionRefused(item);
      return; // the same sample stays on screen, to be decided again
    }
    notSaved.close();
    showNextOrSayWhy(saved);
  }

  /** A digit: corrects to that class, if the dataset has it. */
  void correctByKey(QueueItem item, int label, int classCount) {
    if (label < classCount) {
      decide(item, ReviewAction.CORRECT, label);
    }
  }

  /** L or /: the class picked corrects the sample it was opened on, if still on screen. */
  void pickClass(QueueItem item) {
    if (!screen.readOnly()) {
      quickPick.open(label -> decide(item, ReviewAction.CORRECT, label));
    }
  }

  /** U: takes the last decision back and shows that sample again. */
  void undo() {
    if (lastShown == null) {
      warn("Nothing to undo.");
      return;
    }
    QueueItem shown = lastShown;
    try {
      review.undo(shown, lastVersion);
    } catch (DecisionConflictException e) {
      lastShown = null;
      warn(e.getMessage());
      showNextOrSayWhy("");
      return;
    } catch (RuntimeException e) {
      rethrowUnlessOutage(e);
      notSaved.undoRefused(shown); // the decision stands, and U can undo it later
      return;
    }
    lastShown = null;
    notSaved.close();
    next.unskipped(shown.sampleId());
    try {
      Optional<QueueItem> again = review.item(screen.datasetId(), shown.sampleId());
      screen.refreshCounts();
      again.ifPresent(next::show);
    } catch (RuntimeException e) {
      rethrowUnlessOutage(e);
      screen.cannotShow("Your decision on sample #" + shown.sampleIndex() + " was undone.");
    }
  }

  /** F: the reviewer is unsure; the sample goes to the admins' disputes, and the queue moves on. */
  void unsure(QueueItem item) {
    if (!stillOpenOnScreen(item)) {
      return;
    }
    try {
      notes.flagUnsure(item);
      lastShown = null; // an unsure is an admin's to settle, not undone with U
      screen.consensus(
          "Sample #" + item.sampleIndex() + " went to the admins' disputes as unsure.");
    } catch (DecisionConflictException e) {
      warn(e.getMessage());
    }
    showNext();
  }

  /** C: a comment on the sample on screen, kept in its history and the audit trail. */
  void comment(QueueItem item) {
    CommentDialog.open(
        item.sampleIndex(),
        text -> {
          try {
            notes.comment(item.sampleId(), text);
          } catch (IllegalArgumentException e) {
            warn("Comment not saved: " + e.getMessage() + ".");
            return;
          }
          if (item == screen.shown()) {
            screen.refreshHistory(item);
          }
        });
  }

  /**
   * S: gives the sample on screen up to others and shows the next one. The lease is released and
   * the next sample taken before anything on screen changes, so that while the database cannot be
   * reached the sample stays, still leased and not skipped, and the banner says so, as for Enter.
   */
  void skip(QueueItem item) {
    QueueOffer offer;
    try {
      review.release(item); // someone else may take it now
      offer = next.offerAfter(item);
    } catch (QueueBusyException e) { // the skip itself went through
      next.skipped(item);
      notSaved.close();
      next.showBusy();
      return;
    } catch (RuntimeException e) {
      rethrowUnlessOutage(e);
      notSaved.skipRefused(item);
      return;
    }
    next.skipped(item);
    notSaved.close();
    try {
      next.showNext(offer);
    } catch (RuntimeException e) {
      rethrowUnlessOutage(e);
      screen.cannotShow("Sample #" + item.sampleIndex() + " was skipped.");
    }
  }

  /** The sample the reviewer acted on is still on screen, and open (else a warning says why). */
  private boolean stillOpenOnScreen(QueueItem item) {
    if (item != screen.shown()) {
      return false;
    }
    if (screen.readOnly()) {
      warn("This sample is already decided; it is shown read-only.");
      return false;
    }
    return true;
  }

  /**
   * After an action that was saved: shows the next sample, or, when the database went away in the
   * meantime, says that {@code saved} and that nothing can be shown now.
   */
  private void showNextOrSayWhy(String saved) {
    try {
      showNext();
    } catch (RuntimeException e) {
      rethrowUnlessOutage(e);
      screen.cannotShow(saved);
    }
  }

  private static void rethrowUnlessOutage(RuntimeException e) {
    if (!ServerFault.databaseUnreachable(e)) {
      throw e;
    }
  }

  private static void warn(String message) {
    var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
    n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    n.setId("review-message");
  }
}

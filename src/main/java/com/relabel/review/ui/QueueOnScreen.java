package com.relabel.review.ui;

import com.relabel.review.QueueBusyException;
import com.relabel.review.QueueItem;
import com.relabel.review.QueueOffer;
import com.relabel.review.ReviewService;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which sample the review screen shows: the next one of the queue (leased, with the image after it
 * pre-loaded), one opened by its number, or why there is none. Remembers the samples this reviewer
 * skipped, so the queue offers them last. {@link ReviewFlow} decides; this finds what comes next.
 */
final class QueueOnScreen {

  /** Others took every sample offered, round after round (decision 0042): not empty, busy. */
  static final String BUSY =
      "Other reviewers took every sample offered to you just now. Reload the page in a second for"
          + " the next one.";

  private final ReviewService review;
  private final ReviewScreen screen;
  private final Consumer<String> warn;
  private final Set<Long> skipped = new LinkedHashSet<>();

  /**
   * @param warn shows the reviewer a warning
   */
  QueueOnScreen(ReviewService review, ReviewScreen screen, Consumer<String> warn) {
    this.review = review;
    this.screen = screen;
    this.warn = warn;
  }

  /**
   * Shows sample #{@code number} of {@code ?sample=}: with the decision keys when open, else
   * read-only. An unknown number says so and shows the queue.
   */
  void open(String number) {
    Optional<Long> sampleId = Optional.empty();
    try {
      sampleId = review.sampleIdAt(screen.datasetId(), Integer.parseInt(number));
    } catch (NumberFormatException e) {
      // not a sample number: no such sample
    }
    if (sampleId.isEmpty()) {
      warn.accept("No sample #" + number + " in this dataset; here is the queue.");
      showNext();
      return;
    }
    Optional<QueueItem> item = review.item(screen.datasetId(), sampleId.get());
    if (item.isEmpty()) {
      warn.accept("Sample #" + number + " is not in this dataset's active run; here is the queue.");
      showNext();
      return;
    }
    show(item.get());
  }

  /** Takes the next sample of the queue (a lease) and shows it, or why there is none. */
  void showNext() {
    QueueOffer next;
    try {
      next = review.offer(screen.datasetId(), skipped, screen.rankingMethod()).orElse(null);
    } catch (QueueBusyException e) {
      showBusy();
      return;
    }
    showNext(next);
  }

  /**
   * The next sample after {@code item}, which the reviewer gives up to others: offered (a lease)
   * but not shown yet, so that nothing on screen changes before the database has answered.
   *
   * @return the offer, or null when the queue has nothing left for this reviewer
   * @throws QueueBusyException when others took every sample offered
   */
  QueueOffer offerAfter(QueueItem item) {
    return review.offer(screen.datasetId(), skippedAnd(item), screen.rankingMethod()).orElse(null);
  }

  /** {@code item} was skipped: offered last from now on, until it is undone or the page reloads. */
  void skipped(QueueItem item) {
    skipped.add(item.sampleId());
  }

  /** {@code sampleId} is back on screen (undone): offered in its turn again. */
  void unskipped(long sampleId) {
    skipped.remove(sampleId);
  }

  void showBusy() {
    screen.queueMovesOn();
    screen.showNone(BUSY);
  }

  /**
   * Shows {@code item}, opened by its number or undone: a peek, not next(), for the image after, as
   * the lease stays on screen.
   */
  void show(QueueItem item) {
    Long following =
        screen.isText()
            ? null
            : review
                .peek(screen.datasetId(), skippedAnd(item), screen.rankingMethod())
                .orElse(null);
    screen.show(item, following);
  }

  /**
   * Shows {@code next}, the sample {@link ReviewService#offer} leased, with the image after it from
   * the same read pre-loaded; or why there is none.
   */
  void showNext(QueueOffer next) {
    screen.queueMovesOn();
    if (next != null) {
      screen.show(next.item(), screen.isText() ? null : next.following());
    } else {
      screen.showNone(
          !screen.hasActiveRun()
              ? "No scores yet: the first training run is still going. Come back in a minute."
              : skipped.isEmpty()
                  ? "Nothing left to review. Well done."
                  : "Only skipped samples are left. Reload the page to see them again.");
    }
  }

  private Set<Long> skippedAnd(QueueItem item) {
    Set<Long> after = new LinkedHashSet<>(skipped);
    after.add(item.sampleId());
    return after;
  }
}

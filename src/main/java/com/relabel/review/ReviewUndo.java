package com.relabel.review;

import com.relabel.dataset.Sample;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review view's undo rule for callers that keep no screen: a reviewer takes back only their own
 * last decision (or vote) in the dataset, and only while the sample is as that decision left it.
 * The view knows its last decision from its own state; here the audit trail says what it was, and
 * {@link ReviewService#undo} does the rest, so both undo the same way.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class ReviewUndo {

  /** The audit actions of a reviewer's decision in the queue; an admin's RESOLVE is not one. */
  private static final Set<String> REVIEW_STEPS =
      Set.of(
          ReviewAction.CONFIRM.name(),
          ReviewAction.CORRECT.name(),
          ReviewAction.EXCLUDE.name(),
          ReviewAction.VOTE.name(),
          ReviewAction.CONSENSUS.name(),
          ReviewAction.DISPUTE.name());

  private final ReviewService reviews;
  private final DecisionHistory history;

  ReviewUndo(ReviewService reviews, DecisionHistory history) {
    this.reviews = reviews;
    this.history = history;
  }

  /**
   * Undoes the current user's last decision in the dataset, which must be on this sample and have
   * left it at {@code versionAfter} (the version the decision answered).
   *
   * @throws DecisionConflictException if the user's last step in the dataset is not a decision on
   *     this sample, or the sample changed since
   * @throws NoSuchElementException if the dataset has no scored sample with this id
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Sample undoLast(long datasetId, long sampleId, long versionAfter) {
    LastDecision last =
        history
            .lastBy(CurrentUser.username(), datasetId)
            .filter(d -> REVIEW_STEPS.contains(d.action()))
            .orElseThrow(
                () ->
                    new DecisionConflictException(
                        "You have no decision in this dataset to undo: only your last one can be"
                            + " undone, once."));
    if (last.sampleId() != sampleId) {
      throw new DecisionConflictException(
          "Only your last decision can be undone; it was on sample #" + last.sampleIndex() + ".");
    }
    QueueItem now =
        reviews
            .item(datasetId, sampleId)
            .orElseThrow(() -> new NoSuchElementException("no scored sample " + sampleId));
    // the sample as the reviewer saw it before deciding: its label then is the one to restore
    QueueItem shown = now.withLabel(last.oldLabel());
    return reviews.undo(shown, versionAfter);
  }
}

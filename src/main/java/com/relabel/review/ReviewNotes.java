package com.relabel.review;

import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleStatus;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a reviewer says about a sample besides a decision: "unsure", which sends it to the admins'
 * disputes, and a comment, kept in the audit trail and shown in the sample's history.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class ReviewNotes {

  /** The longest comment, in characters (the audit trail's note column). */
  public static final int MAX_COMMENT = 500;

  private final TransactionTemplate writeTx;
  private final SampleChanges changes;
  private final ReviewLeases leases;
  private final ApplicationEventPublisher events;

  ReviewNotes(
      PlatformTransactionManager transactions,
      SampleChanges changes,
      ReviewLeases leases,
      ApplicationEventPublisher events) {
    this.writeTx = new TransactionTemplate(transactions);
    this.changes = changes;
    this.leases = leases;
    this.events = events;
  }

  /**
   * The reviewer is unsure of the sample as they saw it: it leaves the queue for the admins'
   * disputes with its label unchanged (votes already cast stay), with an UNSURE audit row.
   *
   * @throws DecisionConflictException if the sample changed since {@code shown}, or is not open
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Sample flagUnsure(QueueItem shown) {
    String actor = CurrentUser.username();
    try {
      return writeTx.execute(status -> unsure(shown, actor));
    } catch (OptimisticLockingFailureException e) {
      throw SampleChanges.conflict(
          writeTx.execute(status -> changes.load(shown.sampleId())), actor);
    }
  }

  private Sample unsure(QueueItem shown, String actor) {
    Sample sample = changes.lockAndLoad(shown.sampleId());
    if (sample.getVersion() != shown.version() || sample.getStatus() != SampleStatus.OPEN) {
      throw SampleChanges.conflict(sample, actor);
    }
    sample.dispute();
    changes.save(sample);
    leases.releaseAll(sample.getId());
    int label = sample.getCurrentLabel();
    changes.publish(
        sample,
        actor,
        ReviewAction.UNSURE,
        label,
        SampleStatus.OPEN,
        shown.score(),
        shown.runId(),
        Instant.now());
    return sample;
  }

  /**
   * Keeps the reviewer's comment on the sample in the audit trail (whatever its status: a comment
   * on a decided sample is still worth keeping).
   *
   * @throws IllegalArgumentException for an empty comment or one longer than {@value #MAX_COMMENT}
   *     characters
   */
  @Transactional
  public void comment(long sampleId, String text) {
    String comment = text == null ? "" : text.strip();
    if (comment.isEmpty()) {
      throw new IllegalArgumentException("the comment is empty");
    }
    if (comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException(
          "the comment has "
              + comment.length()
              + " characters; at most "
              + MAX_COMMENT
              + " are kept");
    }
    Sample sample = changes.lockAndLoad(sampleId);
    events.publishEvent(
        new SampleCommented(
            sample.getDatasetId(),
            sample.getId(),
            sample.getSampleIndex(),
            CurrentUser.username(),
            sample.getCurrentLabel(),
            sample.getStatus(),
            comment,
            Instant.now()));
  }
}

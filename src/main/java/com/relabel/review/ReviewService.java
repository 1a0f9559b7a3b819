package com.relabel.review;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.Sample;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The review queue: which sample comes next, and recording what reviewers decide. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class ReviewService {

  /** The default ranking: the rank-average ensemble of every method. */
  public static final String ENSEMBLE = "ensemble";

  private final DatasetService datasets;
  private final TransactionTemplate writeTx;
  private final NextSample nextSample;
  private final QueueItems items;
  private final ReviewLeases leases;
  private final SampleChanges changes;
  private final SampleDecisions decisions;
  private final QueueCounts counts;

  ReviewService(
      DatasetService datasets,
      PlatformTransactionManager transactions,
      NextSample nextSample,
      QueueItems items,
      ReviewLeases leases,
      SampleChanges changes,
      SampleDecisions decisions,
      QueueCounts counts) {
    this.datasets = datasets;
    this.writeTx = new TransactionTemplate(transactions);
    this.nextSample = nextSample;
    this.items = items;
    this.leases = leases;
    this.changes = changes;
    this.decisions = decisions;
    this.counts = counts;
  }

  /**
   * The most suspicious open sample of the dataset's active run, leaving out {@code skipped}; empty
   * when nothing is open or the dataset has no scores yet. Leases the sample, see {@link
   * #next(long, Collection, String)}.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<QueueItem> next(long datasetId, Collection<Long> skipped) {
    return next(datasetId, skipped, ENSEMBLE);
  }

  /**
   * The most suspicious open sample by one method's score ({@value #ENSEMBLE} = the default
   * ranking), leaving out {@code skipped}, samples leased to someone else and samples the current
   * user already voted on. The sample returned is leased to the current user (taken atomically, so
   * two reviewers asking at the same moment get different samples); the lease lapses by itself
   * after {@code relabel.review.lease-duration} and ends when the user decides, votes or skips.
   *
   * @throws QueueBusyException if others took every open sample offered, round after round
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<QueueItem> next(long datasetId, Collection<Long> skipped, String method) {
    return next(datasetId, skipped, method, null);
  }

  /**
   * As {@link #next(long, Collection, String)}, among the samples that have {@code issue} in the
   * active run ({@code null}: every sample).
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<QueueItem> next(
      long datasetId, Collection<Long> skipped, String method, QueueIssue issue) {
    return offer(datasetId, skipped, method, issue).map(QueueOffer::item);
  }

  /**
   * As {@link #next(long, Collection, String)}, and the sample after it in the same read of the
   * queue, for pre-loading its image (decision 0049): one read instead of a second one for {@link
   * #peek}.
   *
   * @throws QueueBusyException if others took every open sample offered, round after round
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<QueueOffer> offer(long datasetId, Collection<Long> skipped, String method) {
    return offer(datasetId, skipped, method, null);
  }

  private Optional<QueueOffer> offer(
      long datasetId, Collection<Long> skipped, String method, QueueIssue issue) {
    Dataset dataset = datasets.get(datasetId);
    if (dataset.getActiveRunId() == null) {
      return Optional.empty();
    }
    return nextSample.next(dataset, skipped, method, issue);
  }

  /**
   * The sample {@link #next(long, Collection, String)} would offer after {@code skipped}, without
   * leasing it: for pre-loading its image while the current sample (and its lease) stays on screen.
   */
  public Optional<Long> peek(long datasetId, Collection<Long> skipped, String method) {
    Dataset dataset = datasets.get(datasetId);
    if (dataset.getActiveRunId() == null) {
      return Optional.empty();
    }
    return nextSample.peek(dataset, skipped, method);
  }

  /**
   * Gives up the current user's lease on the sample (they skipped it): the queue may show it to
   * someone else at once.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void release(QueueItem item) {
    leases.release(item.sampleId(), CurrentUser.username());
  }

  /** When the current user's running lease on the sample ends; empty when they hold none. */
  public Optional<Instant> leaseExpiry(long sampleId) {
    return leases.expiry(sampleId, CurrentUser.username());
  }

  /** Who holds a running lease on the sample, if anyone (for display). */
  public Optional<String> leaseHolder(long sampleId) {
    return leases.holder(sampleId);
  }

  /** The methods that scored the dataset's active run, ensemble first. */
  public List<String> rankingMethods(long datasetId) {
    Long run = datasets.get(datasetId).getActiveRunId();
    if (run == null) {
      return List.of(ENSEMBLE);
    }
    var methods = new java.util.ArrayList<String>(List.of(ENSEMBLE));
    methods.addAll(items.methods(run));
    return methods;
  }

  /** One sample of the dataset as the queue shows it, whatever its status. */
  public Optional<QueueItem> item(long datasetId, long sampleId) {
    Dataset dataset = datasets.get(datasetId);
    if (dataset.getActiveRunId() == null) {
      return Optional.empty();
    }
    return items.any(dataset, sampleId);
  }

  /**
   * The id of the dataset's sample at {@code sampleIndex}: its position in the dataset, 0-based,
   * the number every view, export and the API show ({@code Sample #N}, {@code sample_index}) and
   * that {@code review/<dataset>?sample=N} takes. Empty when the dataset has no such sample.
   */
  public Optional<Long> sampleIdAt(long datasetId, int sampleIndex) {
    return items.sampleIdAt(datasetId, sampleIndex);
  }

  public QueueProgress progress(long datasetId) {
    return counts.now(datasetId);
  }

  /**
   * Records a decision on the sample as the reviewer saw it ({@code item.version()}). The new label
   * and the audit row are written in this one transaction.
   *
   * @param newLabel the corrected label for {@link ReviewAction#CORRECT}; ignored otherwise
   * @throws DecisionConflictException if someone else decided the sample meanwhile
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Sample decide(QueueItem item, ReviewAction action, int newLabel) {
    return record(item, action, newLabel).sample();
  }

  /**
   * Records a decision on the sample as the reviewer saw it ({@code item.version()}), and says what
   * it did. With one required review (the default) it decides the sample; in consensus review (more
   * required) it is the reviewer's vote, which makes the label final once enough votes agree and
   * sends the sample to the admins' disputes when two votes disagree. The label change, the vote
   * and their audit rows are written in one transaction; the reviewer's lease on the sample ends.
   *
   * @param newLabel the corrected label for {@link ReviewAction#CORRECT}; ignored otherwise
   * @throws DecisionConflictException if someone else decided the sample meanwhile, or the reviewer
   *     already voted on it
   * @throws IllegalArgumentException for a label outside the classes, or an action that is not a
   *     reviewer's choice
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Decision record(QueueItem item, ReviewAction action, int newLabel) {
    if (!action.isChoice()) {
      throw new IllegalArgumentException(
          "a reviewer confirms, corrects or excludes; " + action + " is not a decision");
    }
    String actor = CurrentUser.username();
    try {
      return writeTx.execute(status -> decisions.apply(item, action, newLabel, actor));
    } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
      // Another reviewer's change committed between our read and our write.
      throw SampleChanges.conflict(writeTx.execute(status -> changes.load(item.sampleId())), actor);
    }
  }

  /**
   * Takes back the current user's last decision on {@code shown}, made when the sample had {@code
   * shown.version()} and leaving it at {@code versionAfter}: the sample is open again with the
   * label it had (a consensus label's votes are cleared for a new round), and the audit trail gets
   * an UNDO row. In consensus review, a vote on a sample that is still open is withdrawn.
   *
   * @throws DecisionConflictException if the sample changed since, or someone else decided it
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Sample undo(QueueItem shown, long versionAfter) {
    String actor = CurrentUser.username();
    try {
      return writeTx.execute(status -> decisions.revert(shown, versionAfter, actor));
    } catch (OptimisticLockingFailureException e) {
      throw SampleChanges.conflict(
          writeTx.execute(status -> changes.load(shown.sampleId())), actor);
    }
  }
}

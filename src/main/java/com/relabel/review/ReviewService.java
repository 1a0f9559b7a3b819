package com.relabel.review;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleStatus;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  /** How many candidates one queue query reads; the next ones are leased to others. */
  static final int CANDIDATES = 4;

  /**
   * How many times next() reads candidates again when others leased every one it read. Each round
   * is one indexed query of a few milliseconds. Under 50 reviewers asking at once, most of them
   * read the same first candidates and lose them to the few who lease first; with 25 rounds a
   * reviewer was told "the queue is empty" (6 of 1,857 calls, docs/benchmarks.md "Reliability")
   * while thousands of samples were open. An empty answer must mean an empty queue, so the rounds
   * end only when no candidate is left, or after this many, which under that load is not reached.
   * The cost is the tail: under the same saturation one call in 2,000 then took over 20 s of
   * rounds; reading different candidates per reviewer is the real fix (issue 13).
   */
  private static final int MAX_LEASE_ROUNDS = 500;

  private final DatasetService datasets;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate writeTx;
  private final ReviewLeases leases;
  private final ConsensusVotes votes;
  private final SampleChanges changes;
  private final ReviewPolicies policies;

  ReviewService(
      DatasetService datasets,
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ReviewLeases leases,
      ConsensusVotes votes,
      SampleChanges changes,
      ReviewPolicies policies) {
    this.datasets = datasets;
    this.jdbc = jdbc;
    this.writeTx = new TransactionTemplate(transactions);
    this.leases = leases;
    this.votes = votes;
    this.changes = changes;
    this.policies = policies;
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
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<QueueItem> next(long datasetId, Collection<Long> skipped, String method) {
    Dataset dataset = datasets.get(datasetId);
    if (dataset.getActiveRunId() == null) {
      return Optional.empty();
    }
    String me = CurrentUser.username();
    Set<Long> passed = new HashSet<>(skipped);
    for (int round = 0; round < MAX_LEASE_ROUNDS; round++) {
      List<QueueItem> candidates = candidates(dataset, passed, method, me);
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      for (QueueItem candidate : candidates) {
        passed.add(candidate.sampleId());
        if (leases.take(datasetId, candidate.sampleId(), me)) {
          // it may have been decided between the read and the lease: read it again
          var params = itemParams(dataset, candidate.sampleId());
          Optional<QueueItem> fresh =
              queueItems("", "s.id = :sample and s.status = 'OPEN'", params, 1).stream()
                  .findFirst();
          if (fresh.isPresent()) {
            return fresh;
          }
          leases.release(candidate.sampleId(), me);
        }
      }
    }
    return Optional.empty();
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
    return candidates(dataset, skipped, method, CurrentUser.username()).stream()
        .findFirst()
        .map(QueueItem::sampleId);
  }

  /**
   * Up to {@value #CANDIDATES} samples the user may take next, most suspicious first. The inner
   * query reads only the ranking table, in the exact order of its index ({@code ix_score_rank} or
   * {@code ix_method_score_rank}), and checks each row's sample with {@code exists}: so H2 and
   * PostgreSQL both walk the index and stop at the first open samples instead of sorting every open
   * one (decision 0013).
   */
  private List<QueueItem> candidates(
      Dataset dataset, Collection<Long> passed, String method, String me) {
    var params =
        new MapSqlParameterSource()
            .addValue("run", dataset.getActiveRunId())
            .addValue("dataset", dataset.getId())
            .addValue("method", method)
            .addValue("me", me)
            .addValue("now", ReviewLeases.at(Instant.now()))
            .addValue("skipped", passed.isEmpty() ? List.of(-1L) : passed);
    String sql = ENSEMBLE.equals(method) ? ENSEMBLE_CANDIDATES : METHOD_CANDIDATES;
    return jdbc.query(sql, params, ReviewService::queueItem);
  }

  private static final String ENSEMBLE_CANDIDATES = candidatesSql(true);
  private static final String METHOD_CANDIDATES = candidatesSql(false);

  /**
   * The candidates query of {@link #next(long, Collection, String)} (named parameters {@code run},
   * {@code dataset}, {@code method}, {@code me}, {@code now}, {@code skipped}); package-private for
   * the test that checks its plan on H2.
   */
  static String candidatesSql(boolean ensemble) {
    String ranking =
        ensemble
            ? "select r.sample_id, r.score from sample_score r where r.run_id = :run"
            : "select r.sample_id, r.score from method_score r"
                + " where r.run_id = :run and r.method = :method";
    String indexOrder =
        ensemble
            ? "r.run_id, r.score desc, r.sample_id"
            : "r.run_id, r.method, r.score desc, r.sample_id";
    String available =
        " and r.sample_id not in (:skipped)"
            + " and exists (select 1 from sample o where o.id = r.sample_id"
            + " and o.dataset_id = :dataset and o.status = 'OPEN')"
            + " and not exists (select 1 from sample_lease l where l.sample_id = r.sample_id"
            + " and l.leased_by <> :me and l.expires_at >= :now)"
            + " and not exists (select 1 from sample_vote v where v.sample_id = r.sample_id"
            + " and v.voter = :me)";
    return ITEM_COLUMNS
        + " from ("
        + ranking
        + available
        + " order by "
        + indexOrder
        + " fetch first "
        + CANDIDATES
        + " rows only) top"
        // left joins fix the join order: every candidate has its sample and its score row,
        // but with bind parameters H2 cannot cost the derived table and, given inner joins,
        // starts from sample_score instead: 2.5 s per call at 1,000,000 samples (6 ms so)
        + " left join sample s on s.id = top.sample_id"
        + " left join sample_score sc on sc.sample_id = s.id and sc.run_id = :run"
        + " order by top.score desc, top.sample_id";
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
    methods.addAll(
        jdbc.queryForList(
            "select distinct method from method_score where run_id = :run order by method",
            new MapSqlParameterSource("run", run),
            String.class));
    return methods;
  }

  /** One sample of the dataset as the queue shows it, whatever its status. */
  public Optional<QueueItem> item(long datasetId, long sampleId) {
    Dataset dataset = datasets.get(datasetId);
    if (dataset.getActiveRunId() == null) {
      return Optional.empty();
    }
    return queueItems("", "s.id = :sample", itemParams(dataset, sampleId), 1).stream().findFirst();
  }

  /**
   * The id of the dataset's sample at {@code sampleIndex}: its position in the dataset, 0-based,
   * the number every view, export and the API show ({@code Sample #N}, {@code sample_index}) and
   * that {@code review/<dataset>?sample=N} takes. Empty when the dataset has no such sample.
   */
  public Optional<Long> sampleIdAt(long datasetId, int sampleIndex) {
    return jdbc
        .query(
            "select id from sample where dataset_id = :dataset and sample_index = :index",
            new MapSqlParameterSource()
                .addValue("dataset", datasetId)
                .addValue("index", sampleIndex),
            (rs, row) -> rs.getLong(1))
        .stream()
        .findFirst();
  }

  private static MapSqlParameterSource itemParams(Dataset dataset, long sampleId) {
    return new MapSqlParameterSource()
        .addValue("run", dataset.getActiveRunId())
        .addValue("dataset", dataset.getId())
        .addValue("sample", sampleId);
  }

  private static final String ITEM_COLUMNS =
      "select s.id, s.sample_index, s.version, s.current_label, s.original_label, sc.score,"
          + " sc.suggested_label, sc.suggested_probability, sc.flagged_by, sc.run_id";

  private List<QueueItem> queueItems(
      String join, String condition, MapSqlParameterSource params, int limit) {
    return jdbc.query(
        ITEM_COLUMNS
            + " from sample_score sc join sample s on s.id = sc.sample_id"
            + join
            + " where sc.run_id = :run and s.dataset_id = :dataset and "
            + condition
            + " fetch first "
            + limit
            + " rows only",
        params,
        ReviewService::queueItem);
  }

  private static QueueItem queueItem(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new QueueItem(
        rs.getLong(1),
        rs.getInt(2),
        rs.getLong(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getDouble(6),
        (Integer) rs.getObject(7),
        (Double) rs.getObject(8),
        flags(rs.getString(9)),
        rs.getLong(10));
  }

  public QueueProgress progress(long datasetId) {
    var o = datasets.overview(datasetId);
    return new QueueProgress(o.open(), o.decided(), o.corrected(), o.samples());
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
      return writeTx.execute(status -> apply(item, action, newLabel, actor));
    } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
      // Another reviewer's change committed between our read and our write.
      throw SampleChanges.conflict(writeTx.execute(status -> changes.load(item.sampleId())));
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
      return writeTx.execute(status -> revert(shown, versionAfter, actor));
    } catch (OptimisticLockingFailureException e) {
      throw SampleChanges.conflict(writeTx.execute(status -> changes.load(shown.sampleId())));
    }
  }

  private Sample revert(QueueItem shown, long versionAfter, String actor) {
    Sample sample = changes.lockAndLoad(shown.sampleId());
    Instant now = Instant.now();
    if (sample.getStatus() == SampleStatus.OPEN && sample.getVersion() == versionAfter) {
      Optional<Vote> vote =
          votes.votes(sample.getId()).stream().filter(v -> v.voter().equals(actor)).findFirst();
      if (vote.isPresent() && votes.withdraw(sample.getId(), actor)) {
        changes.publish(
            sample,
            actor,
            ReviewAction.UNDO,
            vote.get().label(),
            sample.getCurrentLabel(),
            vote.get().choice().resultingStatus(),
            SampleStatus.OPEN,
            shown.score(),
            shown.runId(),
            now);
        return sample;
      }
    }
    if (sample.getVersion() != versionAfter
        || !sample.getStatus().isFinal()
        || !actor.equals(sample.getDecidedBy())) {
      throw new DecisionConflictException(
          "Sample #"
              + sample.getSampleIndex()
              + " changed after your decision; nothing was undone.");
    }
    int oldLabel = sample.getCurrentLabel();
    SampleStatus oldStatus = sample.getStatus();
    sample.reopen(shown.currentLabel());
    changes.save(sample);
    votes.clear(sample.getId());
    changes.publish(
        sample,
        actor,
        ReviewAction.UNDO,
        oldLabel,
        shown.currentLabel(),
        oldStatus,
        SampleStatus.OPEN,
        shown.score(),
        shown.runId(),
        now);
    return sample;
  }

  private Decision apply(QueueItem item, ReviewAction action, int newLabel, String actor) {
    Sample sample = changes.lockAndLoad(item.sampleId());
    if (sample.getVersion() != item.version() || sample.getStatus() != SampleStatus.OPEN) {
      throw SampleChanges.conflict(sample);
    }
    int label = changes.labelFor(sample, action, newLabel);
    if (action == ReviewAction.CORRECT && label == sample.getCurrentLabel()) {
      action = ReviewAction.CONFIRM;
    }
    int required = policies.requiredReviewsOf(sample.getDatasetId());
    if (required > 1) {
      return votes.vote(sample, item, action, label, actor, required);
    }
    int oldLabel = sample.getCurrentLabel();
    SampleStatus oldStatus = sample.getStatus();
    Instant now = Instant.now();
    sample.decide(action.resultingStatus(), label, actor, now);
    changes.save(sample);
    leases.releaseAll(sample.getId());
    changes.publish(
        sample,
        actor,
        action,
        oldLabel,
        label,
        oldStatus,
        sample.getStatus(),
        item.score(),
        item.runId(),
        now);
    return new Decision(sample, Decision.Outcome.DECIDED, 0, 1);
  }

  private static List<String> flags(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).collect(Collectors.toUnmodifiableList());
  }
}

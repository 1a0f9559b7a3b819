package com.relabel.review;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleRepository;
import com.relabel.dataset.SampleStatus;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
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

  private final DatasetService datasets;
  private final SampleRepository samples;
  private final NamedParameterJdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate writeTx;

  ReviewService(
      DatasetService datasets,
      SampleRepository samples,
      NamedParameterJdbcTemplate jdbc,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.datasets = datasets;
    this.samples = samples;
    this.jdbc = jdbc;
    this.events = events;
    this.writeTx = new TransactionTemplate(transactions);
  }

  /**
   * The most suspicious open sample of the dataset's active run, leaving out {@code skipped}; empty
   * when nothing is open or the dataset has no scores yet.
   */
  public Optional<QueueItem> next(long datasetId, Collection<Long> skipped) {
    return next(datasetId, skipped, ENSEMBLE);
  }

  /**
   * The most suspicious open sample by one method's score ({@value #ENSEMBLE} = the default
   * ranking), leaving out {@code skipped}.
   */
  public Optional<QueueItem> next(long datasetId, Collection<Long> skipped, String method) {
    Dataset dataset = datasets.get(datasetId);
    if (dataset.getActiveRunId() == null) {
      return Optional.empty();
    }
    var params =
        new MapSqlParameterSource()
            .addValue("run", dataset.getActiveRunId())
            .addValue("dataset", datasetId)
            .addValue("method", method)
            .addValue("skipped", skipped.isEmpty() ? List.of(-1L) : skipped);
    if (ENSEMBLE.equals(method)) {
      return queueItem(
          "",
          "s.status = 'OPEN' and s.id not in (:skipped) order by sc.score desc, sc.sample_id",
          params);
    }
    return queueItem(
        " join method_score ms on ms.run_id = sc.run_id and ms.sample_id = s.id"
            + " and ms.method = :method",
        "s.status = 'OPEN' and s.id not in (:skipped) order by ms.score desc, ms.sample_id",
        params);
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
    var params =
        new MapSqlParameterSource()
            .addValue("run", dataset.getActiveRunId())
            .addValue("dataset", datasetId)
            .addValue("sample", sampleId);
    return queueItem("", "s.id = :sample", params);
  }

  private Optional<QueueItem> queueItem(
      String join, String condition, MapSqlParameterSource params) {
    return jdbc
        .query(
            "select s.id, s.sample_index, s.version, s.current_label, s.original_label, sc.score,"
                + " sc.suggested_label, sc.suggested_probability, sc.flagged_by, sc.run_id"
                + " from sample_score sc join sample s on s.id = sc.sample_id"
                + join
                + " where sc.run_id = :run and s.dataset_id = :dataset and "
                + condition
                + " fetch first 1 rows only",
            params,
            (rs, i) ->
                new QueueItem(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getDouble(6),
                    (Integer) rs.getObject(7),
                    (Double) rs.getObject(8),
                    flags(rs.getString(9)),
                    rs.getLong(10)))
        .stream()
        .findFirst();
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
    String actor = CurrentUser.username();
    try {
      return writeTx.execute(status -> apply(item, action, newLabel, actor));
    } catch (OptimisticLockingFailureException e) {
      // Another reviewer's decision committed between our read and our write.
      throw conflict(writeTx.execute(status -> samples.findById(item.sampleId()).orElseThrow()));
    }
  }

  /**
   * Takes back the current user's decision on {@code shown}, made when the sample had {@code
   * shown.version()} and leaving it at {@code versionAfter}: the sample is open again with the
   * label it had, and the audit trail gets an UNDO row.
   *
   * @throws DecisionConflictException if the sample changed since, or someone else decided it
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Sample undo(QueueItem shown, long versionAfter) {
    String actor = CurrentUser.username();
    try {
      return writeTx.execute(status -> revert(shown, versionAfter, actor));
    } catch (OptimisticLockingFailureException e) {
      throw conflict(writeTx.execute(status -> samples.findById(shown.sampleId()).orElseThrow()));
    }
  }

  private Sample revert(QueueItem shown, long versionAfter, String actor) {
    Sample sample = samples.findById(shown.sampleId()).orElseThrow();
    if (sample.getVersion() != versionAfter || !actor.equals(sample.getDecidedBy())) {
      throw new DecisionConflictException(
          "Sample #"
              + sample.getSampleIndex()
              + " changed after your decision; nothing was undone.");
    }
    int oldLabel = sample.getCurrentLabel();
    SampleStatus oldStatus = sample.getStatus();
    sample.reopen(shown.currentLabel());
    samples.saveAndFlush(sample);
    events.publishEvent(
        new SampleDecided(
            sample.getDatasetId(),
            sample.getId(),
            sample.getSampleIndex(),
            actor,
            ReviewAction.UNDO,
            oldLabel,
            shown.currentLabel(),
            oldStatus,
            SampleStatus.OPEN,
            shown.score(),
            shown.runId(),
            Instant.now()));
    return sample;
  }

  private Sample apply(QueueItem item, ReviewAction action, int newLabel, String actor) {
    if (action == ReviewAction.UNDO) {
      throw new IllegalArgumentException("an undo goes through undo(), not decide()");
    }
    Sample sample =
        samples
            .findById(item.sampleId())
            .orElseThrow(() -> new NoSuchElementException("no sample " + item.sampleId()));
    if (sample.getVersion() != item.version() || sample.getStatus() != SampleStatus.OPEN) {
      throw conflict(sample);
    }
    int numClasses = datasets.get(sample.getDatasetId()).getNumClasses();
    int label = action == ReviewAction.CORRECT ? newLabel : sample.getCurrentLabel();
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          "label " + label + " is outside the classes 0.." + (numClasses - 1));
    }
    if (action == ReviewAction.CORRECT && label == sample.getCurrentLabel()) {
      action = ReviewAction.CONFIRM;
    }
    int oldLabel = sample.getCurrentLabel();
    SampleStatus oldStatus = sample.getStatus();
    Instant now = Instant.now();
    sample.decide(action.resultingStatus(), label, actor, now);
    samples.saveAndFlush(sample);
    events.publishEvent(
        new SampleDecided(
            sample.getDatasetId(),
            sample.getId(),
            sample.getSampleIndex(),
            actor,
            action,
            oldLabel,
            label,
            oldStatus,
            sample.getStatus(),
            item.score(),
            item.runId(),
            now));
    return sample;
  }

  private static DecisionConflictException conflict(Sample current) {
    return new DecisionConflictException(
        "Sample #"
            + current.getSampleIndex()
            + " was already decided by "
            + Optional.ofNullable(current.getDecidedBy()).orElse("someone else")
            + " ("
            + current.getStatus().name().toLowerCase()
            + ", label "
            + current.getCurrentLabel()
            + "). Your decision was not saved.");
  }

  private static List<String> flags(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).collect(Collectors.toUnmodifiableList());
  }
}

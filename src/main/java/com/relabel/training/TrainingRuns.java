package com.relabel.training;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.relabel.engine.ModelKind;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Starts training runs as durable background jobs and tells how they are doing. */
@Service
@Transactional(readOnly = true)
public class TrainingRuns {

  private final TrainingRunRepository runs;
  private final SchedulerClient scheduler;
  private final JdbcTemplate jdbc;
  private final RunActivation activation;

  TrainingRuns(
      TrainingRunRepository runs,
      SchedulerClient scheduler,
      JdbcTemplate jdbc,
      RunActivation activation) {
    this.runs = runs;
    this.scheduler = scheduler;
    this.jdbc = jdbc;
    this.activation = activation;
  }

  /**
   * An admin asks for a new run of a dataset (the Retrain dialog). Refuses unknown methods and,
   * with {@link RunAlreadyActiveException}, a dataset that has a run queued or running.
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public TrainingRun retrain(long datasetId, RunSettings settings, String requestedBy) {
    List<String> known = methodNames();
    for (String method : settings.methods()) {
      if (!known.contains(method)) {
        throw new IllegalArgumentException(
            "unknown scoring method '" + method + "'; known methods: " + String.join(", ", known));
      }
    }
    return enqueue(datasetId, settings, requestedBy);
  }

  /**
   * {@code defaults} with the network for this dataset's images, for a run nobody chose a model
   * for: {@link ModelKind#defaultFor} of their shape ({@code resnet} for colour images above 32x32,
   * decision 0046) in place of the default {@code cnn}; other settings unchanged.
   */
  public RunSettings defaultsFor(long datasetId, RunSettings defaults) {
    if (defaults.model() != ModelKind.CNN) {
      return defaults;
    }
    ModelKind model =
        jdbc
            .query(
                "select image_channels, image_height, image_width from dataset where id = ?",
                (rs, i) -> ModelKind.defaultFor(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                datasetId)
            .stream()
            .findFirst()
            .orElse(ModelKind.CNN);
    return model == ModelKind.CNN ? defaults : defaults.toBuilder().model(model).build();
  }

  /**
   * Every scoring method a run can use ({@link ScorerRegistry#all}); a run uses those of them that
   * apply to its dynamics.
   */
  public static List<String> methodNames() {
    return ScorerRegistry.all().names();
  }

  /** The dataset's queued or running run, if any. */
  public Optional<TrainingRun> activeRun(long datasetId) {
    return runs.findByDatasetIdOrderByIdDesc(datasetId).stream()
        .filter(r -> r.getStatus().isActive())
        .findFirst();
  }

  /**
   * Queues a run and schedules its job once the run row is committed. Refuses while another run of
   * the dataset is queued or running. Used by the system itself (first start); people go through
   * {@link #retrain}.
   */
  @Transactional
  public TrainingRun enqueue(long datasetId, RunSettings settings, String requestedBy) {
    String kind = lockIdle(datasetId);
    boolean ownEmbeddings =
        jdbc.queryForObject(
            "select trains_on_embeddings from dataset where id = ?", Boolean.class, datasetId);
    RunSettings chosen = TextModelChoice.forKind(kind, ownEmbeddings, datasetId, settings);
    TrainingRun run = runs.saveAndFlush(new TrainingRun(datasetId, chosen, requestedBy));
    long runId = run.getId();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            scheduler.scheduleIfNotExists(
                TrainingRunJob.TASK
                    .instance("run-" + runId)
                    .data(runId)
                    .scheduledTo(Instant.now()));
          }
        });
    return run;
  }

  /**
   * Takes the dataset's row lock and refuses while one of its runs is queued or running; returns
   * the dataset's kind. The lock makes the check and the insert that follows it atomic across
   * requests and nodes, so call it inside the transaction that adds the run.
   *
   * @throws NoSuchElementException for an unknown dataset
   * @throws RunAlreadyActiveException while a run of the dataset is queued or running
   */
  String lockIdle(long datasetId) {
    List<String> kind =
        jdbc.queryForList(
            "select kind from dataset where id = ? for update", String.class, datasetId);
    if (kind.isEmpty()) {
      throw new NoSuchElementException("no dataset " + datasetId);
    }
    requireIdle(datasetId);
    return kind.getFirst();
  }

  /** Refuses while a run of the dataset is queued or running (no lock: a quick early check). */
  void requireIdle(long datasetId) {
    if (runs.existsByDatasetIdAndStatusIn(
        datasetId, EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING))) {
      throw new RunAlreadyActiveException(
          datasetId, activeRun(datasetId).map(TrainingRun::getId).orElse(null));
    }
  }

  /**
   * Stops a run: a queued run is cancelled at once, a running one within one batch. The dataset
   * keeps its current ranking either way.
   *
   * @throws NoSuchElementException for an unknown run
   * @throws IllegalStateException for a run that has ended ("run 12 is not running: it FAILED
   *     (...)"), also one that ended because its node restarted
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void cancel(long runId) {
    if (runs.requestCancel(runId) == 0) {
      TrainingRun run = get(runId);
      throw new IllegalStateException(
          "run "
              + runId
              + " is not running: it "
              + run.getStatus()
              + (run.getFailureReason() == null ? "" : " (" + run.getFailureReason() + ")"));
    }
    runs.cancelQueued(runId, Instant.now());
  }

  /**
   * An admin makes a succeeded run the dataset's active ranking, also one that was held back as
   * worse than the active run (decision 0026) or one that ranked the queue before: the open queues
   * are re-ranked as when a run takes over by itself, and the activation is recorded (who, when,
   * instead of which run) in {@code run_activation}.
   *
   * @throws java.util.NoSuchElementException for an unknown run
   * @throws IllegalStateException when the run has not succeeded or already ranks the queue
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public TrainingRun activate(long runId, String actor) {
    TrainingRun run = get(runId);
    activation.byAdmin(run, actor);
    return run;
  }

  /** The run whose scores rank the dataset's queue ({@code dataset.active_run_id}), or null. */
  public Long rankingRunId(long datasetId) {
    List<Long> id =
        jdbc.queryForList("select active_run_id from dataset where id = ?", Long.class, datasetId);
    if (id.isEmpty()) {
      throw new NoSuchElementException("no dataset " + datasetId);
    }
    return id.getFirst();
  }

  public TrainingRun get(long runId) {
    return runs.findById(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
  }

  public List<TrainingRun> history(long datasetId) {
    return runs.findByDatasetIdOrderByIdDesc(datasetId);
  }
}

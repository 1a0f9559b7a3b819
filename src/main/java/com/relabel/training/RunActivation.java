package com.relabel.training;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.NoiseReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The end of every successful run, trained here or imported: its dynamics, scores and neighbours
 * written, the run marked succeeded with its estimated errors and expected yield, compared with the
 * run that ranks the queue, made the dataset's active ranking unless it is worse than that run
 * ({@link TakeOver}, decision 0026; then it keeps the reason), and the review module told. Also an
 * admin's activation of any succeeded run by hand. Runs inside the caller's transaction, so all of
 * it lands or none.
 */
@Component
class RunActivation {

  private final RunStore store;
  private final DatasetService datasets;
  private final RunComparisons comparisons;
  private final ApplicationEventPublisher events;
  private final JdbcTemplate jdbc;
  private final RunProgressEvents progressEvents;

  RunActivation(
      RunStore store,
      DatasetService datasets,
      RunComparisons comparisons,
      ApplicationEventPublisher events,
      JdbcTemplate jdbc,
      RunProgressEvents progressEvents) {
    this.store = store;
    this.datasets = datasets;
    this.comparisons = comparisons;
    this.events = events;
    this.jdbc = jdbc;
    this.progressEvents = progressEvents;
  }

  void activate(
      TrainingRun run,
      long[] sampleIds,
      TrainingResult result,
      HeldOutSplit heldOut,
      NoiseReport report,
      Neighbours neighbours,
      String evaluation) {
    long runId = run.getId();
    long datasetId = run.getDatasetId();
    store.saveDynamics(runId, sampleIds, result, heldOut);
    store.saveScores(runId, sampleIds, report, result.aumThreshold());
    store.saveNeighbours(runId, neighbours);
    RunIssues.save(jdbc, runId, sampleIds, result.dynamics(), neighbours);
    Dataset dataset = lockedDataset(datasetId);
    Long previous = dataset.getActiveRunId();
    run.succeed(result.device(), report.estimatedErrors(), report.expectedYield(), evaluation);
    TakeOver verdict = comparisons.takeOver(run, previous);
    comparisons.recordOnCompletion(run, previous);
    if (verdict.takesOver()) {
      dataset.activateRun(runId);
      events.publishEvent(new TrainingRunCompleted(runId, datasetId));
    } else {
      run.getOutcome().holdBack(verdict.reason().orElseThrow());
    }
  }

  /**
   * An admin makes succeeded run {@code run} the dataset's active ranking, whatever its measures:
   * recorded in {@code run_activation}, the open queues told exactly as when a run takes over by
   * itself, and this node's run views once it has committed.
   *
   * @throws IllegalStateException when the run has not succeeded, or already ranks the queue
   */
  void byAdmin(TrainingRun run, String actor) {
    Dataset dataset = lockedDataset(run.getDatasetId());
    if (run.getStatus() != RunStatus.SUCCEEDED) {
      throw new IllegalStateException(
          "run "
              + run.getId()
              + " is "
              + run.getStatus().name().toLowerCase()
              + ": only a run that succeeded can rank the queue");
    }
    Long previous = dataset.getActiveRunId();
    if (Objects.equals(previous, run.getId())) {
      throw new IllegalStateException("run " + run.getId() + " already ranks the queue");
    }
    jdbc.update(
        "insert into run_activation (dataset_id, run_id, previous_run_id, activated_at,"
            + " activated_by) values (?, ?, ?, ?, ?)",
        run.getDatasetId(),
        run.getId(),
        previous,
        Timestamp.from(Instant.now()),
        actor);
    dataset.activateRun(run.getId());
    events.publishEvent(new TrainingRunCompleted(run.getId(), run.getDatasetId()));
    RunProgress shown = RunProgress.of(run).activated();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            progressEvents.publish(shown);
          }
        });
  }

  /**
   * The dataset, its row locked first: a run taking over and an admin's activation of another run
   * happen one after the other, each seeing the other's result.
   */
  private Dataset lockedDataset(long datasetId) {
    if (jdbc.queryForList("select id from dataset where id = ? for update", Long.class, datasetId)
        .isEmpty()) {
      throw new NoSuchElementException("no dataset " + datasetId);
    }
    return datasets.get(datasetId);
  }
}

package com.relabel.training;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
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

  TrainingRuns(TrainingRunRepository runs, SchedulerClient scheduler) {
    this.runs = runs;
    this.scheduler = scheduler;
  }

  /** An admin asks for a new run of a dataset. */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public TrainingRun retrain(long datasetId, RunSettings settings, String requestedBy) {
    return enqueue(datasetId, settings, requestedBy);
  }

  /**
   * Queues a run and schedules its job once the run row is committed. Refuses while another run of
   * the dataset is queued or running. Used by the system itself (first start); people go through
   * {@link #retrain}.
   */
  @Transactional
  public TrainingRun enqueue(long datasetId, RunSettings settings, String requestedBy) {
    if (runs.existsByDatasetIdAndStatusIn(
        datasetId, EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING))) {
      throw new IllegalStateException(
          "a training run is already queued or running for dataset " + datasetId);
    }
    TrainingRun run = runs.saveAndFlush(new TrainingRun(datasetId, settings, requestedBy));
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
   * Stops a run: a queued run is cancelled at once, a running one within one batch. The dataset
   * keeps its current ranking either way.
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void cancel(long runId) {
    if (runs.requestCancel(runId) == 0) {
      throw new IllegalStateException("run " + runId + " is not queued or running");
    }
    runs.cancelQueued(runId, Instant.now());
  }

  public TrainingRun get(long runId) {
    return runs.findById(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
  }

  public List<TrainingRun> history(long datasetId) {
    return runs.findByDatasetIdOrderByIdDesc(datasetId);
  }
}

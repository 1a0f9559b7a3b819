package com.relabel.training;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface TrainingRunRepository extends JpaRepository<TrainingRun, Long> {

  boolean existsByDatasetIdAndStatusIn(long datasetId, Collection<RunStatus> statuses);

  List<TrainingRun> findByDatasetIdOrderByIdDesc(long datasetId);

  /**
   * Flags a run for cancellation without touching its version, so the worker's own progress updates
   * never conflict with an admin's request.
   */
  @Modifying
  @Query(
      "update TrainingRun r set r.cancelRequested = true where r.id = ?1 and r.status in"
          + " (com.relabel.training.RunStatus.QUEUED, com.relabel.training.RunStatus.RUNNING)")
  int requestCancel(long runId);

  /** Cancels a run that no worker has started yet. */
  @Modifying
  @Query(
      "update TrainingRun r set r.status = com.relabel.training.RunStatus.CANCELLED,"
          + " r.finishedAt = ?2, r.failureReason = 'cancelled before it started'"
          + " where r.id = ?1 and r.status = com.relabel.training.RunStatus.QUEUED")
  int cancelQueued(long runId, java.time.Instant at);

  /**
   * Moves a queued run to RUNNING on node {@code node}; 0 when it is not queued (any more). The one
   * update that decides which execution trains a run.
   */
  @Transactional
  @Modifying
  @Query(
      "update TrainingRun r set r.status = com.relabel.training.RunStatus.RUNNING,"
          + " r.executedBy = ?2, r.startedAt = ?3, r.phase.name = 'starting', r.phase.progress = 0.0,"
          + " r.version = r.version + 1"
          + " where r.id = ?1 and r.status = com.relabel.training.RunStatus.QUEUED"
          + " and r.cancelRequested = false")
  int claim(long runId, String node, java.time.Instant at);
}

package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a dataset's review is going: decisions per annotator per day, and errors probably left. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class ReviewProgress {

  private final DatasetService datasets;
  private final TrainingRuns runs;
  private final JdbcTemplate jdbc;

  ReviewProgress(DatasetService datasets, TrainingRuns runs, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.runs = runs;
    this.jdbc = jdbc;
  }

  /**
   * Decisions that stand (an undone decision no longer counts), per annotator and day (in the
   * server's time zone), made at or after {@code since}; oldest day first.
   */
  public List<AnnotatorDay> perAnnotatorPerDay(long datasetId, Instant since) {
    return jdbc.query(
        "select decided_by, cast(decided_at as date) as decision_day, count(*),"
            + " sum(case when status = 'CORRECTED' then 1 else 0 end)"
            + " from sample where dataset_id = ? and status <> 'OPEN' and decided_at >= ?"
            + " group by decided_by, cast(decided_at as date) order by decision_day, decided_by",
        (rs, i) ->
            new AnnotatorDay(
                rs.getString(1),
                rs.getObject(2, Date.class).toLocalDate(),
                rs.getLong(3),
                rs.getLong(4)),
        datasetId,
        Timestamp.from(since));
  }

  /**
   * The active run's estimate of wrong labels, less the samples corrected or excluded since that
   * run started (its training set was read then), never more than the open samples; empty without
   * an active run or an estimate. See {@link ErrorEstimate}.
   */
  public Optional<ErrorEstimate> errorsLeft(long datasetId) {
    Long runId = datasets.get(datasetId).getActiveRunId();
    if (runId == null) {
      return Optional.empty();
    }
    TrainingRun run = runs.get(runId);
    if (run.getEstimatedErrors() == null) {
      return Optional.empty();
    }
    Instant since = run.getStartedAt() != null ? run.getStartedAt() : run.getCreatedAt();
    long fixed =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ?"
                + " and status in ('CORRECTED', 'EXCLUDED') and decided_at >= ?",
            Long.class,
            datasetId,
            Timestamp.from(since));
    long open =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ? and status = 'OPEN'",
            Long.class,
            datasetId);
    long left = Math.max(0, Math.min(open, run.getEstimatedErrors() - fixed));
    return Optional.of(new ErrorEstimate(runId, run.getEstimatedErrors(), fixed, left));
  }
}

package com.relabel.review;

import com.relabel.security.Roles;
import com.relabel.training.MeasuredYield;
import com.relabel.training.MeasuredYields;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's measured yield from the decisions reviewers made in its queue (see {@link MeasuredYields}
 * for which decisions count). One walk of the dataset's decided samples in the run's window (index
 * {@code ix_sample_decided}), each looked up in the run's {@code sample_score} by its key.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
class ReviewedYields implements MeasuredYields {

  private final JdbcTemplate jdbc;

  ReviewedYields(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<MeasuredYield> of(TrainingRun run) {
    if (run.getStatus() != RunStatus.SUCCEEDED || run.getFinishedAt() == null) {
      return Optional.empty();
    }
    Instant from = run.getFinishedAt();
    // the run ranked the queue from its end (when it became active) until the next run's end
    Timestamp until =
        jdbc.queryForObject(
            "select min(finished_at) from training_run"
                + " where dataset_id = ? and status = 'SUCCEEDED' and finished_at > ?",
            Timestamp.class,
            run.getDatasetId(),
            Timestamp.from(from));
    String sql =
        "select count(*), coalesce(sum(case when s.status in ('CORRECTED', 'EXCLUDED')"
            + " then 1 else 0 end), 0)"
            + " from sample s join sample_score sc on sc.sample_id = s.id and sc.run_id = ?"
            + " where s.dataset_id = ? and s.status in ('CONFIRMED', 'CORRECTED', 'EXCLUDED')"
            + " and s.decided_at >= ?"
            + (until == null ? "" : " and s.decided_at < ?");
    Object[] args =
        until == null
            ? new Object[] {run.getId(), run.getDatasetId(), Timestamp.from(from)}
            : new Object[] {run.getId(), run.getDatasetId(), Timestamp.from(from), until};
    return Optional.ofNullable(
        jdbc.queryForObject(sql, (rs, i) -> new MeasuredYield(rs.getLong(1), rs.getLong(2)), args));
  }
}

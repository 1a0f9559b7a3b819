package com.relabel.review;

import com.relabel.security.Roles;
import com.relabel.training.MeasuredYield;
import com.relabel.training.MeasuredYields;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's measured yield from the decisions reviewers made in its queue (see {@link MeasuredYields}
 * for which decisions count). One query per dataset, for all its runs: the activations (a run that
 * took over when it succeeded became active at its {@code finished_at}; an admin's activation is a
 * {@code run_activation} row, decision 0026) give each run's windows, each ending at the next
 * activation; the dataset's samples decided in a window (index {@code ix_sample_decided}) are
 * looked up in the window's run's {@code sample_score} by key.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
class ReviewedYields implements MeasuredYields {

  private static final String YIELDS =
      "with activation (run_id, activated_at) as ("
          + " select id, finished_at from training_run where dataset_id = ?"
          + " and status = 'SUCCEEDED' and held_back_reason is null and finished_at is not null"
          + " union all"
          + " select run_id, activated_at from run_activation where dataset_id = ?),"
          + " run_window (run_id, from_at, until_at) as ("
          + " select run_id, activated_at, lead(activated_at) over (order by activated_at, run_id)"
          + " from activation)"
          + " select w.run_id, count(sc.sample_id),"
          + " coalesce(sum(case when sc.sample_id is not null"
          + " and s.status in ('CORRECTED', 'EXCLUDED') then 1 else 0 end), 0)"
          + " from run_window w"
          + " left join sample s on s.dataset_id = ? and s.decided_at >= w.from_at"
          + " and (w.until_at is null or s.decided_at < w.until_at)"
          + " and s.status in ('CONFIRMED', 'CORRECTED', 'EXCLUDED')"
          + " left join sample_score sc on sc.run_id = w.run_id and sc.sample_id = s.id"
          + " group by w.run_id";

  private final JdbcTemplate jdbc;

  ReviewedYields(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<MeasuredYield> of(TrainingRun run) {
    return Optional.ofNullable(of(List.of(run)).get(run.getId()));
  }

  @Override
  public Map<Long, MeasuredYield> of(List<TrainingRun> runs) {
    Map<Long, List<TrainingRun>> byDataset =
        runs.stream()
            .filter(r -> r.getStatus() == RunStatus.SUCCEEDED && r.getFinishedAt() != null)
            .collect(
                Collectors.groupingBy(
                    TrainingRun::getDatasetId, LinkedHashMap::new, Collectors.toList()));
    Map<Long, MeasuredYield> yields = new HashMap<>();
    byDataset.forEach(
        (datasetId, ofDataset) -> {
          Map<Long, MeasuredYield> all = new HashMap<>();
          jdbc.query(
              YIELDS,
              rs -> {
                all.put(rs.getLong(1), new MeasuredYield(rs.getLong(2), rs.getLong(3)));
              },
              datasetId,
              datasetId,
              datasetId);
          ofDataset.forEach(
              r -> {
                MeasuredYield y = all.get(r.getId());
                if (y != null) {
                  yields.put(r.getId(), y);
                }
              });
        });
    return yields;
  }
}

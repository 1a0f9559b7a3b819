package com.relabel.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares runs (see {@link RunComparison}): stored on the run when it completes, against the run
 * it replaces, and on demand for any two runs of a dataset. Two index walks over {@code
 * sample_score} (run, score desc, sample) of {@code topK} rows each, and one join over the
 * dataset's corrected samples.
 */
@Service
@Transactional(readOnly = true)
public class RunComparisons {

  /** Size of the top of the queue when a run estimated no label errors. */
  public static final int DEFAULT_TOP_K = 1000;

  private final TrainingRunRepository runs;
  private final JdbcTemplate jdbc;

  RunComparisons(TrainingRunRepository runs, JdbcTemplate jdbc) {
    this.runs = runs;
    this.jdbc = jdbc;
  }

  /**
   * Compares run {@code runId} with the earlier run {@code otherRunId} (null: with none). Both must
   * belong to the same dataset and have scores.
   */
  public RunComparison compare(long runId, Long otherRunId) {
    TrainingRun run = find(runId);
    if (otherRunId != null) {
      TrainingRun other = find(otherRunId);
      if (!other.getDatasetId().equals(run.getDatasetId())) {
        throw new IllegalArgumentException(
            "runs " + runId + " and " + otherRunId + " belong to different datasets");
      }
    }
    return compute(run, otherRunId);
  }

  /** Computes and stores the comparison on a run that has just written its scores. */
  @Transactional
  void recordOnCompletion(TrainingRun run, Long previousRunId) {
    run.comparison(compute(run, previousRunId));
  }

  private RunComparison compute(TrainingRun run, Long otherRunId) {
    int scored =
        jdbc.queryForObject(
            "select count(*) from sample_score where run_id = ?", Integer.class, run.getId());
    Integer estimated = run.getEstimatedErrors();
    int k = Math.min(scored, estimated != null && estimated > 0 ? estimated : DEFAULT_TOP_K);
    Set<Long> top = top(run.getId(), k);
    int movedIn = top.size();
    int movedOut = 0;
    if (otherRunId != null) {
      Set<Long> before = top(otherRunId, k);
      movedIn = (int) top.stream().filter(id -> !before.contains(id)).count();
      movedOut = (int) before.stream().filter(id -> !top.contains(id)).count();
    }
    Instant start = run.getStartedAt() != null ? run.getStartedAt() : run.getCreatedAt();
    int[] corrections = new int[2];
    jdbc.query(
        "select count(*), coalesce(sum(case when sc.suggested_label = s.current_label"
            + " then 1 else 0 end), 0)"
            + " from sample s join sample_score sc on sc.sample_id = s.id and sc.run_id = ?"
            + " where s.dataset_id = ? and s.status = 'CORRECTED' and s.decided_at < ?",
        rs -> {
          corrections[0] = rs.getInt(1);
          corrections[1] = rs.getInt(2);
        },
        run.getId(),
        run.getDatasetId(),
        Timestamp.from(start));
    return new RunComparison(
        run.getId(), otherRunId, k, movedIn, movedOut, corrections[0], corrections[1]);
  }

  /**
   * How run {@code runId} measures up against the run that ranks its dataset's queue now (decision
   * 0026): what the Activate dialog shows. Against itself when it is that run.
   */
  public TakeOver againstRanking(long runId) {
    TrainingRun run = find(runId);
    Long ranking =
        jdbc.queryForObject(
            "select active_run_id from dataset where id = ?", Long.class, run.getDatasetId());
    return takeOver(run, ranking);
  }

  /**
   * How {@code candidate} measures up against run {@code activeRunId} (null: there is none): both
   * held-out accuracies, and the reviewers' corrections both runs scored and neither trained on,
   * that is samples CORRECTED since the later of the two runs read the labels (its start).
   */
  TakeOver takeOver(TrainingRun candidate, Long activeRunId) {
    if (activeRunId == null) {
      return TakeOver.firstRun(candidate.getId());
    }
    TrainingRun active = find(activeRunId);
    Instant since = labelsReadAt(candidate);
    if (labelsReadAt(active).isAfter(since)) {
      since = labelsReadAt(active);
    }
    int[] c = new int[5];
    jdbc.query(
        "select count(*),"
            + " coalesce(sum(case when c.suggested_label = s.current_label then 1 else 0 end), 0),"
            + " coalesce(sum(case when a.suggested_label = s.current_label then 1 else 0 end), 0),"
            + " coalesce(sum(case when c.suggested_label = s.current_label"
            + " and (a.suggested_label is null or a.suggested_label <> s.current_label)"
            + " then 1 else 0 end), 0),"
            + " coalesce(sum(case when a.suggested_label = s.current_label"
            + " and (c.suggested_label is null or c.suggested_label <> s.current_label)"
            + " then 1 else 0 end), 0)"
            + " from sample s"
            + " join sample_score c on c.sample_id = s.id and c.run_id = ?"
            + " join sample_score a on a.sample_id = s.id and a.run_id = ?"
            + " where s.dataset_id = ? and s.status = 'CORRECTED' and s.decided_at >= ?",
        rs -> {
          for (int i = 0; i < c.length; i++) {
            c[i] = rs.getInt(i + 1);
          }
        },
        candidate.getId(),
        activeRunId,
        candidate.getDatasetId(),
        Timestamp.from(since));
    return new TakeOver(
        candidate.getId(),
        activeRunId,
        candidate.getHeldOutAccuracy(),
        heldOut(candidate),
        active.getHeldOutAccuracy(),
        heldOut(active),
        c[0],
        c[1],
        c[2],
        c[3],
        c[4]);
  }

  /** When the run read the labels it trained on (or scored imported predictions against). */
  private static Instant labelsReadAt(TrainingRun run) {
    return run.getStartedAt() != null ? run.getStartedAt() : run.getCreatedAt();
  }

  private static int heldOut(TrainingRun run) {
    return run.getOutcome().getHeldOutCount() == null ? 0 : run.getOutcome().getHeldOutCount();
  }

  /** The {@code k} most suspicious samples of a run, in the queue's order. */
  private Set<Long> top(long runId, int k) {
    List<Long> ids =
        jdbc.queryForList(
            "select sample_id from sample_score where run_id = ?"
                + " order by score desc, sample_id fetch first ? rows only",
            Long.class,
            runId,
            k);
    return new HashSet<>(ids);
  }

  private TrainingRun find(long runId) {
    return runs.findById(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
  }
}

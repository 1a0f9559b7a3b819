package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where a run's ranking reaches its first open sample (decision 0049). The candidates query walks
 * the rank index from the top (decision 0013), so without a starting point every {@code next} walks
 * past every sample already decided, and a key press costs more the deeper the reviewers are. The
 * frontier is a score at or below which the first open sample lies: every row ranked above it is
 * decided, so the walk may start there.
 *
 * <p>Decisions only move the first open sample down, so a frontier stays true while reviewers
 * decide; it is moved down at most once a second, walking from the old one. A sample reopened on
 * this node (an undo) drops every frontier at once. One reopened on another node is walked past
 * until the next walk from the top, at most {@link #FROM_TOP_NANOS} later: meanwhile this node
 * offers the samples below it first.
 */
@Component
class OpenFrontier {

  /** How long a frontier is used before it is moved down. */
  static final long MOVE_NANOS = 1_000_000_000L;

  /** How often the frontier is found again from the top of the ranking. */
  static final long FROM_TOP_NANOS = 30_000_000_000L;

  private record Key(long runId, String method) {}

  private record Mark(double score, long movedAt, long fromTopAt) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final Map<Key, Mark> marks = new ConcurrentHashMap<>();
  private final AtomicLong reopened = new AtomicLong();

  OpenFrontier(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A score at or below which the run's first open sample by {@code method} lies; positive infinity
   * when not known (the walk starts at the top).
   */
  double bound(long runId, long datasetId, String method, boolean ensemble) {
    Key key = new Key(runId, method);
    long generation = reopened.get(); // before the mark: a reopen after it voids what we find
    Mark mark = marks.get(key);
    long now = System.nanoTime();
    if (mark != null && now - mark.movedAt() < MOVE_NANOS) {
      return mark.score();
    }
    boolean fromTop = mark == null || now - mark.fromTopAt() >= FROM_TOP_NANOS;
    double from = fromTop ? Double.POSITIVE_INFINITY : mark.score();
    List<Double> first =
        jdbc.queryForList(
            firstOpenSql(ensemble), params(runId, datasetId, method, from), Double.class);
    if (first.isEmpty()) {
      return from; // nothing open below: the queue is empty there, the walk finds it so
    }
    Mark moved = new Mark(first.getFirst(), now, fromTop ? now : mark.fromTopAt());
    // a sample reopened since this walk began may lie above what it found: keep nothing then
    marks.compute(key, (k, old) -> reopened.get() == generation ? moved : null);
    return moved.score();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SampleDecided decided) {
    if (decided.newStatus() == SampleStatus.OPEN) {
      forgetAll();
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SamplesDecided bulk) {
    if (bulk.decisions().stream().anyMatch(d -> d.newStatus() == SampleStatus.OPEN)) {
      forgetAll();
    }
  }

  private void forgetAll() {
    reopened.incrementAndGet();
    marks.clear();
  }

  private static MapSqlParameterSource params(
      long runId, long datasetId, String method, double from) {
    return new MapSqlParameterSource()
        .addValue("run", runId)
        .addValue("dataset", datasetId)
        .addValue("method", method)
        .addValue("bound", from);
  }

  private static String firstOpenSql(boolean ensemble) {
    return (ensemble
            ? "select r.score from sample_score r where r.run_id = :run"
            : "select r.score from method_score r where r.run_id = :run and r.method = :method")
        + " and r.score <= :bound"
        + " and exists (select 1 from sample o where o.id = r.sample_id"
        + " and o.dataset_id = :dataset and o.status = 'OPEN')"
        + " order by "
        + (ensemble
            ? "r.run_id, r.score desc, r.sample_id"
            : "r.run_id, r.method, r.score desc, r.sample_id")
        + " fetch first 1 rows only";
  }
}

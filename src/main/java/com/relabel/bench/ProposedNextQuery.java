package com.relabel.bench;

import com.relabel.review.QueueItem;
import com.relabel.review.ReviewService;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The "next sample" query that docs/decisions/0013-queue-query-walks-the-rank-index.md proposes for
 * {@link ReviewService#next}: the same result, but written so that H2 too walks the rank index
 * ({@code ix_score_rank} / {@code ix_method_score_rank}) and stops at the first open sample,
 * instead of joining every open sample and sorting. Lives here so the benchmark can measure it side
 * by side with the service; delete it once the service uses it.
 *
 * <p>The two changes: the ranking table is the only table of the inner query (the sample's status
 * is checked with {@code exists}), and its ORDER BY starts with the columns that the WHERE clause
 * fixes ({@code run_id}, {@code method}), so that the sort order is literally the index's.
 */
public final class ProposedNextQuery {

  private final NamedParameterJdbcTemplate jdbc;

  public ProposedNextQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The SQL for ranking by {@code method} ({@link ReviewService#ENSEMBLE} or a method's name). */
  public static String sql(String method) {
    boolean ensemble = ReviewService.ENSEMBLE.equals(method);
    String rank =
        ensemble
            ? "select r.sample_id from sample_score r where r.run_id = :run"
            : "select r.sample_id from method_score r where r.run_id = :run and r.method = :method";
    String order =
        ensemble
            ? "r.run_id, r.score desc, r.sample_id"
            : "r.run_id, r.method, r.score desc, r.sample_id";
    return "select s.id, s.sample_index, s.version, s.current_label, s.original_label, sc.score,"
        + " sc.suggested_label, sc.suggested_probability, sc.flagged_by, sc.run_id"
        + " from sample s join sample_score sc on sc.sample_id = s.id and sc.run_id = :run"
        + " where s.id = ("
        + rank
        + " and r.sample_id not in (:skipped) and exists (select 1 from sample o where o.id ="
        + " r.sample_id and o.dataset_id = :dataset and o.status = 'OPEN') order by "
        + order
        + " fetch first 1 rows only)";
  }

  /** The most suspicious open sample of run {@code runId} by {@code method}, skipping some. */
  public Optional<QueueItem> next(
      long datasetId, long runId, Collection<Long> skipped, String method) {
    var params =
        new MapSqlParameterSource()
            .addValue("run", runId)
            .addValue("dataset", datasetId)
            .addValue("method", method)
            .addValue("skipped", skipped.isEmpty() ? List.of(-1L) : skipped);
    return jdbc
        .query(
            sql(method),
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

  private static List<String> flags(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}

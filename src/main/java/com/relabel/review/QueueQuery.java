package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SQL of one queue grid query: the active run's ranking (the ensemble's {@code sample_score} or
 * one method's {@code method_score}) joined to the samples, filtered, in the order score
 * descending, sample id ascending. Pages continue after a {@link Cursor} (keyset): each page is an
 * index range scan from the cursor on, whatever page it is; there is no OFFSET.
 */
final class QueueQuery {

  private static final String COLUMNS =
      "s.id, s.sample_index, s.current_label, s.original_label, sc.suggested_label,"
          + " sc.suggested_probability, %1$s.score, s.status, sc.region, sc.flagged_by,"
          + " s.decided_by, s.decided_at, s.version, sc.score";

  private final String rank;
  private final StringBuilder fromWhere = new StringBuilder();
  private final MapSqlParameterSource params = new MapSqlParameterSource();

  /**
   * @param statuses the statuses to admit, overriding the filter's (a bulk decision passes OPEN)
   */
  QueueQuery(
      long datasetId, long runId, String method, QueueFilter filter, Set<SampleStatus> statuses) {
    boolean ensemble = ReviewService.ENSEMBLE.equals(method);
    rank = ensemble ? "sc" : "ms";
    params.addValue("dataset", datasetId).addValue("run", runId);
    if (ensemble) {
      fromWhere.append(" from sample_score sc join sample s on s.id = sc.sample_id");
    } else {
      fromWhere
          .append(" from method_score ms")
          .append(" join sample_score sc on sc.run_id = ms.run_id and sc.sample_id = ms.sample_id")
          .append(" join sample s on s.id = ms.sample_id");
      params.addValue("method", method);
    }
    fromWhere.append(" where ").append(rank).append(".run_id = :run and s.dataset_id = :dataset");
    if (!ensemble) {
      fromWhere.append(" and ms.method = :method");
    }
    where(filter.given(), "s.current_label = :given", "given");
    where(filter.suggested(), "sc.suggested_label = :suggested", "suggested");
    if (!statuses.isEmpty()) {
      fromWhere.append(" and s.status in (:statuses)");
      params.addValue("statuses", statuses.stream().map(Enum::name).sorted().toList());
    }
    where(filter.minScore(), rank + ".score >= :min", "min");
    where(filter.maxScore(), rank + ".score <= :max", "max");
    where(filter.region() == null ? null : filter.region().name(), "sc.region = :region", "region");
    where(
        filter.flaggedBy() == null ? null : "%," + filter.flaggedBy() + ",%",
        "(',' || sc.flagged_by || ',') like :flagged",
        "flagged");
    where(filter.decidedBy(), "s.decided_by = :decidedBy", "decidedBy");
    if (filter.issue() != null) {
      fromWhere.append(" and ").append(filter.issue().sql());
    }
  }

  private void where(Object value, String condition, String name) {
    if (value != null) {
      fromWhere.append(" and ").append(condition);
      params.addValue(name, value);
    }
  }

  /** The page of at most {@code limit} rows after {@code after} (from the top when null). */
  String page(Cursor after, int limit) {
    var sql = new StringBuilder("select ").append(COLUMNS.formatted(rank)).append(fromWhere);
    // The first page starts after a cursor above every score: the same range condition as any
    // other page, which H2 needs to walk the index from the top rather than sort every match.
    Cursor from = after != null ? after : new Cursor(Double.MAX_VALUE, Long.MIN_VALUE);
    // "<=" first gives both databases an index range start; the OR settles ties on the score
    sql.append(" and %1$s.score <= :afterScore and (%1$s.score < :afterScore".formatted(rank))
        .append(" or %1$s.sample_id > :afterId)".formatted(rank));
    params.addValue("afterScore", from.score()).addValue("afterId", from.sampleId());
    params.addValue("limit", limit);
    // the ranking index's own column order (run and method are fixed by the where clause), so
    // that H2 as well as PostgreSQL walks the index instead of sorting every match (decision 0013)
    String fixed = "ms".equals(rank) ? "ms.run_id, ms.method, " : "sc.run_id, ";
    return sql.append(" order by " + fixed + "%1$s.score desc, %1$s.sample_id".formatted(rank))
        .append(" fetch first :limit rows only")
        .toString();
  }

  /** Counts the matches, stopping after {@code cap} of them. */
  String count(long cap) {
    params.addValue("cap", cap);
    return "select count(*) from (select 1 as one"
        + fromWhere
        + " fetch first :cap rows only) matches";
  }

  /** Counts every match. */
  String countAll() {
    return "select count(*)" + fromWhere;
  }

  MapSqlParameterSource params() {
    return params;
  }

  /**
   * The dataset's active run, or null when it has none yet.
   *
   * @throws IllegalArgumentException if {@code method} did not score that run
   */
  static Long activeRun(
      DatasetService datasets, NamedParameterJdbcTemplate jdbc, long datasetId, String method) {
    Long run = datasets.get(datasetId).getActiveRunId();
    if (run == null || ReviewService.ENSEMBLE.equals(method)) {
      return run;
    }
    List<Integer> found =
        jdbc.queryForList(
            "select 1 from method_score where run_id = :run and method = :method"
                + " fetch first 1 rows only",
            new MapSqlParameterSource("run", run).addValue("method", method),
            Integer.class);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("unknown ranking method '" + method + "' for run #" + run);
    }
    return run;
  }

  static QueueRow row(ResultSet rs, int rowNum) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp(12);
    return new QueueRow(
        rs.getLong(1),
        rs.getInt(2),
        rs.getInt(3),
        rs.getInt(4),
        (Integer) rs.getObject(5),
        (Double) rs.getObject(6),
        rs.getDouble(7),
        SampleStatus.valueOf(rs.getString(8)),
        rs.getString(9),
        flags(rs.getString(10)),
        rs.getString(11),
        decidedAt == null ? null : decidedAt.toInstant(),
        rs.getLong(13));
  }

  /** The ensemble score of the row (column 14), which the audit trail records. */
  static double ensembleScore(ResultSet rs) throws SQLException {
    return rs.getDouble(14);
  }

  static List<String> flags(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}

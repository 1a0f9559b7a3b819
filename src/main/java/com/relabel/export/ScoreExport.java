package com.relabel.export;

import com.relabel.base.JsonText;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's noise scores as JSON Lines, most suspicious first, streamed along the rank indexes: the
 * ensemble's row per sample (score, suggested label, which methods flag it, cartography), or one
 * method's scores alone.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ScoreExport {

  private static final String ENSEMBLE =
      "select s.sample_index, s.original_label, s.current_label, s.status, sc.score,"
          + " sc.suggested_label, sc.suggested_probability, sc.flagged_by, sc.region,"
          + " sc.confidence, sc.variability, sc.correctness"
          + " from sample_score sc join sample s on s.id = sc.sample_id"
          + " where sc.run_id = ? order by sc.score desc, sc.sample_id";

  private static final String METHOD =
      "select s.sample_index, s.original_label, s.current_label, s.status, m.score"
          + " from method_score m join sample s on s.id = m.sample_id"
          + " where m.run_id = ? and m.method = ? order by m.score desc, m.sample_id";

  private final DatasetService datasets;
  private final JdbcTemplate jdbc;

  ScoreExport(DatasetService datasets, DataSource dataSource) {
    this.datasets = datasets;
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
  }

  /**
   * The run whose scores an export reads: {@code runId}, which must be a finished run of the
   * dataset, or the dataset's active run when {@code runId} is null.
   *
   * @throws NoSuchElementException when the dataset has no such run, or no active run
   * @throws IllegalStateException when the run has not finished with scores
   */
  @Transactional(readOnly = true)
  public long scoredRun(long datasetId, Long runId) {
    Dataset dataset = datasets.get(datasetId);
    if (runId == null) {
      if (dataset.getActiveRunId() == null) {
        throw new NoSuchElementException(
            "dataset " + datasetId + " has no scores yet: no run has finished");
      }
      return dataset.getActiveRunId();
    }
    List<Map<String, Object>> run =
        jdbc.queryForList("select dataset_id, status from training_run where id = ?", runId);
    if (run.isEmpty() || ((Number) run.getFirst().get("dataset_id")).longValue() != datasetId) {
      throw new NoSuchElementException("dataset " + datasetId + " has no run " + runId);
    }
    String status = (String) run.getFirst().get("status");
    if (!"SUCCEEDED".equals(status)) {
      throw new IllegalStateException("run " + runId + " has no scores: it is " + status);
    }
    return runId;
  }

  /** The ensemble's rows of the run, one JSON object per line, most suspicious first. */
  @Transactional(readOnly = true)
  public void writeEnsemble(long runId, Writer out) {
    int[] rank = {0};
    jdbc.query(
        ENSEMBLE,
        rs -> {
          double probability = rs.getDouble(7);
          Double suggestedProbability = rs.wasNull() ? null : probability;
          int suggested = rs.getInt(6);
          String suggestedLabel = rs.wasNull() ? "null" : Integer.toString(suggested);
          String flagged = rs.getString(8);
          Lines.write(
              out,
              prefix(++rank[0], rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4))
                  + ",\"score\":"
                  + JsonText.number(rs.getDouble(5))
                  + ",\"suggested_label\":"
                  + suggestedLabel
                  + ",\"suggested_probability\":"
                  + JsonText.number(suggestedProbability)
                  + ",\"flagged_by\":"
                  + flaggedBy(flagged)
                  + ",\"region\":"
                  + JsonText.quote(rs.getString(9))
                  + ",\"confidence\":"
                  + JsonText.number(nullable(rs, 10))
                  + ",\"variability\":"
                  + JsonText.number(nullable(rs, 11))
                  + ",\"correctness\":"
                  + JsonText.number(nullable(rs, 12))
                  + "}\n");
        },
        runId);
  }

  /**
   * Checks that the run has scores of the method.
   *
   * @throws NoSuchElementException when it has none, naming the methods it has
   */
  @Transactional(readOnly = true)
  public void requireMethod(long runId, String method) {
    List<Integer> any =
        jdbc.queryForList(
            "select 1 from method_score where run_id = ? and method = ? fetch first 1 rows only",
            Integer.class,
            runId,
            method);
    if (any.isEmpty()) {
      List<String> methods =
          jdbc.queryForList(
              "select distinct method from method_score where run_id = ? order by method",
              String.class,
              runId);
      throw new NoSuchElementException(
          "run "
              + runId
              + " has no scores of method '"
              + method
              + "'; it has: "
              + String.join(", ", methods));
    }
  }

  /** One method's scores of the run, most suspicious first. */
  @Transactional(readOnly = true)
  public void writeMethod(long runId, String method, Writer out) {
    int[] rank = {0};
    jdbc.query(
        METHOD,
        rs -> {
          Lines.write(
              out,
              prefix(++rank[0], rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4))
                  + ",\"score\":"
                  + JsonText.number(rs.getDouble(5))
                  + "}\n");
        },
        runId,
        method);
  }

  private static String prefix(int rank, int index, int original, int current, String status) {
    return "{\"rank\":"
        + rank
        + ",\"sample_index\":"
        + index
        + ",\"original_label\":"
        + original
        + ",\"current_label\":"
        + current
        + ",\"status\":"
        + JsonText.quote(status);
  }

  private static String flaggedBy(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return "[]";
    }
    StringBuilder out = new StringBuilder("[");
    for (String method : commaSeparated.split(",")) {
      out.append(out.length() > 1 ? "," : "").append(JsonText.quote(method));
    }
    return out.append(']').toString();
  }

  private static Double nullable(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}

package com.relabel.training;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batched inserts of a run's ranking, the one writer of the {@code sample_score} and {@code
 * method_score} tables: a finished run stores its report through it ({@code RunStore}), and the
 * queue benchmark its synthetic rows, with a finished run row of their own. The caller decides the
 * transaction: a run's activation holds one around all of it; the benchmark's million rows commit
 * batch by batch.
 */
public final class ScoreRows {

  /** One sample's {@code sample_score} row, by its position {@code i} in the run. */
  public interface SampleScores {

    /** The ensemble's score: higher, more likely mislabelled. */
    double score(int i);

    int suggestedLabel(int i);

    double suggestedProbability(int i);

    /** The methods that flag the sample, comma-separated, or "". */
    String flaggedBy(int i);

    /** The sample's data-map region (a {@code Region} name). */
    String region(int i);

    double confidence(int i);

    double variability(int i);

    double correctness(int i);

    /** Whether the sample is below the run's AUM cut-off; null when the run had no such pass. */
    Boolean aumBelowCutoff(int i);
  }

  private final JdbcTemplate jdbc;
  private final int batch;

  /**
   * @param batch rows per JDBC batch
   */
  public ScoreRows(JdbcTemplate jdbc, int batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * A finished run's row for scores made elsewhere than in a training run (the queue benchmark's
   * synthetic ranking): kind IMPORTED, SUCCEEDED, not active yet.
   *
   * @return its id
   */
  public long finishedRun(
      long datasetId,
      String model,
      long seed,
      List<String> methods,
      String requestedBy,
      int samples,
      int estimatedErrors) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, model, epochs, seed, methods,"
            + " requested_by, created_at, started_at, finished_at, phase, progress, sample_count,"
            + " estimated_errors, version) values (?, 'IMPORTED', 'SUCCEEDED', ?, 0, ?, ?, ?, ?,"
            + " ?, ?, 'done', 1.0, ?, ?, 0)",
        datasetId,
        model,
        seed,
        String.join(",", methods),
        requestedBy,
        now,
        now,
        now,
        samples,
        estimatedErrors);
    return jdbc.queryForObject(
        "select max(id) from training_run where dataset_id = ?", Long.class, datasetId);
  }

  /** One {@code sample_score} row per sample, sample {@code sampleIds[i]} scored by row i. */
  public void sampleScores(long runId, long[] sampleIds, SampleScores scores) {
    insert(
        "insert into sample_score (run_id, sample_id, score, suggested_label,"
            + " suggested_probability, flagged_by, region, confidence, variability, correctness,"
            + " aum_below_cutoff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        sampleIds.length,
        (ps, i) -> {
          ps.setLong(1, runId);
          ps.setLong(2, sampleIds[i]);
          ps.setDouble(3, scores.score(i));
          ps.setInt(4, scores.suggestedLabel(i));
          ps.setDouble(5, scores.suggestedProbability(i));
          ps.setString(6, scores.flaggedBy(i));
          ps.setString(7, scores.region(i));
          ps.setDouble(8, scores.confidence(i));
          ps.setDouble(9, scores.variability(i));
          ps.setDouble(10, scores.correctness(i));
          Boolean below = scores.aumBelowCutoff(i);
          if (below == null) {
            ps.setNull(11, Types.BOOLEAN);
          } else {
            ps.setBoolean(11, below);
          }
        });
  }

  /** One {@code method_score} row per sample for {@code method}: sample {@code sampleIds[i]}. */
  public void methodScores(
      long runId, String method, long[] sampleIds, IntToDoubleFunction scoreOf) {
    insert(
        "insert into method_score (run_id, method, sample_id, score) values (?, ?, ?, ?)",
        sampleIds.length,
        (ps, i) -> {
          ps.setLong(1, runId);
          ps.setString(2, method);
          ps.setLong(3, sampleIds[i]);
          ps.setDouble(4, scoreOf.applyAsDouble(i));
        });
  }

  private interface RowSetter {
    void set(PreparedStatement ps, int i) throws SQLException;
  }

  /**
   * {@code count} rows in JDBC batches of {@code batch} (each its own commit outside a
   * transaction).
   */
  private void insert(String sql, int count, RowSetter setter) {
    for (int from = 0; from < count; from += batch) {
      int start = from;
      int size = Math.min(batch, count - from);
      jdbc.batchUpdate(
          sql,
          new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
              setter.set(ps, start + i);
            }

            @Override
            public int getBatchSize() {
              return size;
            }
          });
    }
  }
}

package com.relabel.flow;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives a dataset an active run with hand-made scores, so that queue tests need no training: the
 * ensemble score takes 40 values (about 8 samples share each), "loss" is a permutation, "aum" is
 * the same for every sample; every 4th sample's suggestion differs from its label; regions cycle;
 * every 6th sample is flagged by loss and aum, every 5th by knn.
 */
final class SyntheticScores {

  private static final String[] REGIONS = {"EASY", "AMBIGUOUS", "HARD"};

  private final JdbcTemplate jdbc;

  SyntheticScores(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the run and its scores and makes it the dataset's active run; returns its id. */
  long write(long datasetId) {
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'IMPORTED', 'SUCCEEDED', current_timestamp, 0)",
        datasetId);
    long run =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, datasetId);
    List<Map<String, Object>> samples =
        jdbc.queryForList(
            "select id, current_label from sample where dataset_id = ? order by sample_index",
            datasetId);
    int n = samples.size();
    List<Integer> rows = IntStream.range(0, n).boxed().toList();
    jdbc.batchUpdate(
        "insert into sample_score (run_id, sample_id, score, suggested_label,"
            + " suggested_probability, flagged_by, region) values (?, ?, ?, ?, ?, ?, ?)",
        rows,
        500,
        (ps, i) -> {
          Map<String, Object> s = samples.get(i);
          int label = ((Number) s.get("current_label")).intValue();
          ps.setLong(1, run);
          ps.setLong(2, ((Number) s.get("id")).longValue());
          ps.setDouble(3, (i % 40) / 40.0);
          ps.setInt(4, i % 4 == 0 ? (label + 1) % 10 : label);
          ps.setDouble(5, 0.5 + (i % 10) / 20.0);
          ps.setString(6, i % 6 == 0 ? "loss,aum" : i % 5 == 0 ? "knn" : "");
          ps.setString(7, REGIONS[i % 3]);
        });
    for (String method : List.of("loss", "aum")) {
      jdbc.batchUpdate(
          "insert into method_score (run_id, method, sample_id, score) values (?, ?, ?, ?)",
          rows,
          500,
          (ps, i) -> {
            ps.setLong(1, run);
            ps.setString(2, method);
            ps.setLong(3, ((Number) samples.get(i).get("id")).longValue());
            ps.setDouble(4, method.equals("aum") ? 1.0 : ((i * 37) % n) / (double) n);
          });
    }
    jdbc.update("update dataset set active_run_id = ? where id = ?", run, datasetId);
    return run;
  }
}

package com.relabel.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The samples a training set is read from: a dataset's samples that are not excluded, in sample
 * order. {@link #read} walks them once and keeps each one's id and current label; what else a
 * training set needs from a row (pixels, text, a vector) its reader takes as the row goes by.
 *
 * @param ids each sample's database id, in sample order
 * @param labels each sample's current label
 */
record IncludedSamples(long[] ids, int[] labels) {

  /** Reads the rest of row {@code i} (0-based, in sample order). */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet row, int i) throws SQLException;
  }

  /** How many samples of the dataset are not excluded. */
  static int count(JdbcTemplate jdbc, long datasetId) {
    return jdbc.queryForObject(
        "select count(*) from sample where dataset_id = ? and status <> 'EXCLUDED'",
        Integer.class,
        datasetId);
  }

  /**
   * Runs {@code select}, whose first two columns are the sample's id and current label and whose
   * rows are the {@code n} counted samples in sample order, and hands every row to {@code rest}.
   */
  static IncludedSamples read(
      JdbcTemplate jdbc, int n, String select, RowReader rest, Object... arguments) {
    long[] ids = new long[n];
    int[] labels = new int[n];
    int[] at = {0};
    jdbc.query(
        select,
        rs -> {
          int i = at[0]++;
          ids[i] = rs.getLong(1);
          labels[i] = rs.getInt(2);
          rest.read(rs, i);
        },
        arguments);
    return new IncludedSamples(ids, labels);
  }
}

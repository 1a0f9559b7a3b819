package com.relabel.dataset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database ids of a dataset's samples by sample index, read back after a batch insert so that
 * the rows that refer to samples (contents, truth, scores) can be written by index.
 */
public final class SampleIds {

  private SampleIds() {}

  /** Element {@code i} is the id of sample #i; {@code count} is the dataset's number of samples. */
  public static long[] byIndex(JdbcTemplate jdbc, long datasetId, int count) {
    long[] ids = new long[count];
    jdbc.query(
        "select sample_index, id from sample where dataset_id = ?",
        rs -> {
          ids[rs.getInt(1)] = rs.getLong(2);
        },
        datasetId);
    return ids;
  }
}

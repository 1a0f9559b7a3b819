package com.relabel.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/** JDBC batch inserts that commit batch by batch, for the synthetic data of the benchmarks. */
final class JdbcBatches {

  static final int BATCH = 5000;

  private JdbcBatches() {}

  /** Sets the parameters of row {@code i}. */
  interface RowSetter {
    void set(PreparedStatement ps, int i) throws SQLException;
  }

  /**
   * Inserts {@code count} rows in batches of {@link #BATCH}, each batch its own auto-committed
   * statement, so that a million rows never make one huge transaction.
   */
  static void insert(JdbcTemplate jdbc, String sql, int count, RowSetter setter) {
    for (int from = 0; from < count; from += BATCH) {
      int start = from;
      int size = Math.min(BATCH, count - from);
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

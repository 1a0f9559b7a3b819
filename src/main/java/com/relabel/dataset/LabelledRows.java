package com.relabel.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows of a text or table import in JDBC batches, inside the caller's transaction: a
 * sample per record, its stored content ({@code text_body}: the text, or the table row) and, when
 * given, its vector in {@code sample_embedding}.
 */
final class LabelledRows {

  static final int BATCH = 1000;

  private LabelledRows() {}

  /** The dataset's classes, by index. */
  static void insertClasses(JdbcTemplate jdbc, long datasetId, TextClasses classes) {
    jdbc.batchUpdate(
        "insert into class_label (dataset_id, class_index, name) values (?, ?, ?)",
        classes.names(),
        BATCH,
        (ps, n) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, classes.indexOf(n));
          ps.setString(3, n);
        });
  }

  /**
   * Inserts the batch as samples {@code first, first + 1, ...}, with {@code vectors[i]} of the
   * {@code model} when vectors are given; returns the next index.
   */
  static int insert(
      JdbcTemplate jdbc,
      long datasetId,
      int first,
      List<TextRecord> batch,
      TextClasses classes,
      String model,
      float[][] vectors) {
    List<Integer> positions = IntStream.range(0, batch.size()).boxed().toList();
    jdbc.batchUpdate(
        "insert into sample (dataset_id, sample_index, external_id, original_label,"
            + " current_label, status, version) values (?, ?, ?, ?, ?, 'OPEN', 0)",
        positions,
        BATCH,
        (ps, i) -> {
          TextRecord r = batch.get(i);
          int label = classes.indexOf(r.label());
          ps.setLong(1, datasetId);
          ps.setInt(2, first + i);
          ps.setString(3, r.externalId());
          ps.setInt(4, label);
          ps.setInt(5, label);
        });
    int last = first + batch.size() - 1;
    Map<Integer, Long> ids = new HashMap<>();
    jdbc.query(
        "select sample_index, id from sample where dataset_id = ? and sample_index between ? and ?",
        rs -> {
          ids.put(rs.getInt(1), rs.getLong(2));
        },
        datasetId,
        first,
        last);
    jdbc.batchUpdate(
        "insert into sample_content (sample_id, text_body) values (?, ?)",
        positions,
        BATCH,
        (ps, i) -> {
          ps.setLong(1, ids.get(first + i));
          ps.setString(2, batch.get(i).text());
        });
    if (vectors != null) {
      jdbc.batchUpdate(
          "insert into sample_embedding (sample_id, model, vector) values (?, ?, ?)",
          positions,
          BATCH,
          (ps, i) -> {
            ps.setLong(1, ids.get(first + i));
            ps.setString(2, model);
            ps.setBytes(3, TextVectors.toBytes(vectors[i]));
          });
    }
    return last + 1;
  }
}

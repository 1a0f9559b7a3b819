package com.relabel.dataset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batched inserts every writer of a dataset shares: its class names, its samples (open, the
 * given label as original and current, an external id where the format has one), their pixels and
 * their known true labels. The caller decides the transaction: an import holds one around all of
 * it; the queue benchmark's synthetic million rows commit batch by batch.
 */
public final class DatasetRows {

  private final JdbcTemplate jdbc;
  private final int batch;

  /**
   * @param batch rows per JDBC batch
   */
  public DatasetRows(JdbcTemplate jdbc, int batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * A new image dataset's row, for data made up by a benchmark (imports go through their import
   * services, which check the name first).
   *
   * @return its id
   */
  public long imageDataset(
      String name, int numClasses, int height, int width, int channels, String source) {
    jdbc.update(
        "insert into dataset (name, kind, num_classes, image_height, image_width, image_channels,"
            + " source, created_at, version) values (?, 'IMAGE', ?, ?, ?, ?, ?, ?, 0)",
        name,
        numClasses,
        height,
        width,
        channels,
        source,
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject("select id from dataset where name = ?", Long.class, name);
  }

  /** The classes' display names, by class index. */
  public void classNames(long datasetId, List<String> names) {
    jdbc.batchUpdate(
        "insert into class_label (dataset_id, class_index, name) values (?, ?, ?)",
        indexes(0, names.size()),
        batch,
        (ps, k) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, k);
          ps.setString(3, names.get(k));
        });
  }

  /**
   * One open sample per label, sample #i labelled {@code labels[i]}.
   *
   * @param externalIds each sample's name in its source (a file's path), or {@code null} for none
   * @return the samples' ids by sample index
   */
  public long[] samples(long datasetId, int[] labels, IntFunction<String> externalIds) {
    jdbc.batchUpdate(
        "insert into sample (dataset_id, sample_index, external_id, original_label,"
            + " current_label, status, version) values (?, ?, ?, ?, ?, 'OPEN', 0)",
        indexes(0, labels.length),
        batch,
        (ps, i) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, i);
          ps.setString(3, externalIds == null ? null : externalIds.apply(i));
          ps.setInt(4, labels[i]);
          ps.setInt(5, labels[i]);
        });
    return SampleIds.byIndex(jdbc, datasetId, labels.length);
  }

  /** The pixels of samples {@code from..to-1}: {@code image.apply(i)} for sample #i. */
  public void pixels(long[] ids, int from, int to, IntFunction<byte[]> image) {
    jdbc.batchUpdate(
        "insert into sample_content (sample_id, pixels) values (?, ?)",
        indexes(from, to),
        batch,
        (ps, i) -> {
          ps.setLong(1, ids[i]);
          ps.setBytes(2, image.apply(i));
        });
  }

  /** Labels known to be correct, kept aside for evaluation. */
  public void truth(long[] ids, int[] trueLabels) {
    jdbc.batchUpdate(
        "insert into sample_truth (sample_id, true_label) values (?, ?)",
        indexes(0, trueLabels.length),
        batch,
        (ps, i) -> {
          ps.setLong(1, ids[i]);
          ps.setInt(2, trueLabels[i]);
        });
  }

  private static List<Integer> indexes(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }
}

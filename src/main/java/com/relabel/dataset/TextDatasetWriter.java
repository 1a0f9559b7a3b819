package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a text dataset in one transaction while it streams the file a second time, 1,000 texts per
 * JDBC batch: the file is never held in memory, and a failure part-way rolls everything back. With
 * the sentence encoder ({@link TextFeatures#usesEncoder()}), each batch is encoded as it is written
 * and its vectors stored in {@code sample_embedding} (decision 0038), so memory stays flat however
 * many texts the file has. When {@code stop} answers true (the application is shutting down, {@link
 * BackgroundImports}), the write ends between two batches of the encoder with an {@link
 * ImportStoppedException} and its transaction rolls back.
 */
@Component
class TextDatasetWriter {

  private static final int BATCH = 1000;

  private static final Logger log = LoggerFactory.getLogger(TextDatasetWriter.class);

  private final DatasetRepository datasets;
  private final JdbcTemplate jdbc;
  private final ObjectProvider<TextEncoder> encoder;

  TextDatasetWriter(
      DatasetRepository datasets, JdbcTemplate jdbc, ObjectProvider<TextEncoder> encoder) {
    this.datasets = datasets;
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  @Transactional(rollbackFor = Exception.class)
  public Dataset write(
      String name,
      Path file,
      TextClasses classes,
      String source,
      TextFeatures features,
      IntConsumer written,
      BooleanSupplier stop)
      throws IOException {
    name = DatasetNames.checked(name);
    if (datasets.findByName(name).isPresent()) {
      throw new IllegalArgumentException("a dataset named '" + name + "' already exists");
    }
    var created = new Dataset(name, DatasetKind.TEXT, classes.size(), source);
    created.setTextFeatures(features);
    Dataset dataset = datasets.saveAndFlush(created);
    boolean encode = features.usesEncoder();
    long datasetId = dataset.getId();
    List<String> names = classes.names();
    jdbc.batchUpdate(
        "insert into class_label (dataset_id, class_index, name) values (?, ?, ?)",
        names,
        BATCH,
        (ps, n) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, classes.indexOf(n));
          ps.setString(3, n);
        });
    List<TextRecord> batch = new ArrayList<>(BATCH);
    int[] next = {0};
    TextFileReader.read(
        file,
        file.getFileName().toString(),
        TextFileReader.Format.of(file),
        record -> {
          batch.add(record);
          if (batch.size() == BATCH) {
            next[0] = insert(datasetId, next[0], batch, classes, encode, stop);
            // encoding takes minutes for large files (docs/benchmarks.md): say how far it is
            log.info(
                "Text import '{}': {} texts written{}",
                dataset.getName(),
                next[0],
                encode ? " and encoded" : "");
            written.accept(next[0]);
          }
        });
    written.accept(insert(datasetId, next[0], batch, classes, encode, stop));
    return dataset;
  }

  /**
   * Inserts the batch as samples {@code first, first + 1, ...}, with their sentence vectors when
   * {@code encode}; returns the next index.
   */
  private int insert(
      long datasetId,
      int first,
      List<TextRecord> batch,
      TextClasses classes,
      boolean encode,
      BooleanSupplier stop) {
    if (batch.isEmpty()) {
      return first;
    }
    if (stop.getAsBoolean()) {
      throw new ImportStoppedException("stopped after %,d texts".formatted(first));
    }
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
    if (encode) {
      float[][] vectors =
          encoder.getObject().encode(batch.stream().map(TextRecord::text).toList(), stop);
      jdbc.batchUpdate(
          "insert into sample_embedding (sample_id, model, vector) values (?, ?, ?)",
          positions,
          BATCH,
          (ps, i) -> {
            ps.setLong(1, ids.get(first + i));
            ps.setString(2, TextEncoder.MODEL);
            ps.setBytes(3, TextVectors.toBytes(vectors[i]));
          });
    }
    batch.clear();
    return last + 1;
  }
}

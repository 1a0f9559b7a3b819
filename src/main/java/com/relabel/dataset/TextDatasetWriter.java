package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
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

  private static final int BATCH = LabelledRows.BATCH;

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
    name = DatasetNames.checkedAndFree(name, datasets);
    var created = new Dataset(name, DatasetKind.TEXT, classes.size(), source);
    created.setTextFeatures(features);
    Dataset dataset = datasets.saveAndFlush(created);
    boolean encode = features.usesEncoder();
    long datasetId = dataset.getId();
    LabelledRows.insertClasses(jdbc, datasetId, classes);
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
    float[][] vectors =
        encode
            ? encoder.getObject().encode(batch.stream().map(TextRecord::text).toList(), stop)
            : null;
    int next =
        LabelledRows.insert(jdbc, datasetId, first, batch, classes, TextEncoder.MODEL, vectors);
    batch.clear();
    return next;
  }
}

package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a table dataset in one transaction while it streams the file a second time, 1,000 rows per
 * JDBC batch: each row's cells as one CSV record and its encoded features (decision 0045). The file
 * is never held in memory, and a failure part-way rolls everything back.
 */
@Component
class TableDatasetWriter {

  private final DatasetRepository datasets;
  private final JdbcTemplate jdbc;

  TableDatasetWriter(DatasetRepository datasets, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.jdbc = jdbc;
  }

  @Transactional(rollbackFor = Exception.class)
  public Dataset write(
      String name,
      Path file,
      String fileName,
      TableOptions options,
      TableScan scan,
      String source,
      IntConsumer written,
      BooleanSupplier stop)
      throws IOException {
    name = DatasetNames.checkedAndFree(name, datasets);
    Dataset dataset =
        datasets.saveAndFlush(
            new Dataset(name, DatasetKind.FEATURES, scan.classes().size(), source));
    long datasetId = dataset.getId();
    TableSchema schema = scan.schema();
    jdbc.update("update dataset set table_schema = ? where id = ?", schema.toJson(), datasetId);
    LabelledRows.insertClasses(jdbc, datasetId, scan.classes());
    List<TextRecord> batch = new ArrayList<>(LabelledRows.BATCH);
    List<float[]> vectors = new ArrayList<>(LabelledRows.BATCH);
    int[] next = {0};
    TableFileReader.read(
        file,
        fileName,
        options,
        header -> {},
        (line, cells, id) -> {
          batch.add(
              new TextRecord(line, id, TableRows.line(cells), cells.get(schema.label()).trim()));
          vectors.add(schema.encode(cells));
          if (batch.size() == LabelledRows.BATCH) {
            if (stop.getAsBoolean()) {
              throw new ImportStoppedException("stopped after %,d rows".formatted(next[0]));
            }
            next[0] = insert(datasetId, next[0], batch, vectors, scan.classes());
            written.accept(next[0]);
          }
        });
    written.accept(insert(datasetId, next[0], batch, vectors, scan.classes()));
    return dataset;
  }

  private int insert(
      long datasetId,
      int first,
      List<TextRecord> batch,
      List<float[]> vectors,
      TextClasses classes) {
    int next =
        LabelledRows.insert(
            jdbc,
            datasetId,
            first,
            batch,
            classes,
            TableSamples.MODEL,
            vectors.toArray(float[][]::new));
    batch.clear();
    vectors.clear();
    return next;
  }
}

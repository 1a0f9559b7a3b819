package com.relabel.dataset;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dataset formats by kind: every {@link DatasetFormat} bean, one for each {@link DatasetKind}.
 * A kind without a format, or with two, stops the application at start with a message naming it,
 * rather than at the first training run. A dataset that trains on its own vectors (decision 0044)
 * reads those whatever its kind.
 */
@Component
class DatasetFormats {

  private final Map<DatasetKind, DatasetFormat> byKind = new EnumMap<>(DatasetKind.class);
  private final JdbcTemplate jdbc;

  DatasetFormats(List<DatasetFormat> formats, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    for (DatasetFormat format : formats) {
      DatasetFormat before = byKind.putIfAbsent(format.kind(), format);
      if (before != null) {
        throw new IllegalStateException(
            "two dataset formats for %s: %s and %s"
                .formatted(
                    format.kind(),
                    before.getClass().getSimpleName(),
                    format.getClass().getSimpleName()));
      }
    }
    for (DatasetKind kind : DatasetKind.values()) {
      if (!byKind.containsKey(kind)) {
        throw new IllegalStateException(
            "no dataset format for "
                + kind
                + " (a DatasetFormat bean whose kind() is "
                + kind
                + ")");
      }
    }
  }

  /** The format of datasets of {@code kind}. */
  DatasetFormat of(DatasetKind kind) {
    return byKind.get(kind);
  }

  /**
   * What a run learns from: the dataset's own vectors when it trains on them, else its format's.
   */
  TrainingSet trainingSet(Dataset dataset) {
    if (dataset.trainsOnEmbeddings()) {
      return OwnEmbeddings.trainingSet(jdbc, dataset);
    }
    return of(dataset.getKind()).trainingSet(dataset);
  }
}

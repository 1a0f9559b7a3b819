package com.relabel.dataset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feature tables (decision 0045): each row's encoding, stored at import as a vector of the {@link
 * TableSamples#MODEL} model, read as own vectors are ({@link OwnEmbeddings}).
 */
@Component
class TableDatasetFormat implements DatasetFormat {

  private final JdbcTemplate jdbc;

  TableDatasetFormat(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.FEATURES;
  }

  @Override
  public TrainingSet trainingSet(Dataset d) {
    return OwnEmbeddings.trainingSet(
        jdbc, d, TableSamples.MODEL, "has no encoded row; import the table again");
  }
}

package com.relabel.review;

import com.relabel.dataset.Dataset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads samples as the queue shows them: the sample with its score in the active run. */
@Component
class QueueItems {

  /**
   * The columns {@link #map} reads, in its order; {@code s} is the sample, {@code sc} its score.
   */
  static final String COLUMNS =
      "select s.id, s.sample_index, s.version, s.current_label, s.original_label, sc.score,"
          + " sc.suggested_label, sc.suggested_probability, sc.flagged_by, sc.run_id";

  private final NamedParameterJdbcTemplate jdbc;

  QueueItems(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The dataset's sample scored in its active run, whatever its status. */
  Optional<QueueItem> any(Dataset dataset, long sampleId) {
    return one(dataset, sampleId, "");
  }

  /** The dataset's sample scored in its active run, if it is still open. */
  Optional<QueueItem> open(Dataset dataset, long sampleId) {
    return one(dataset, sampleId, " and s.status = 'OPEN'");
  }

  private Optional<QueueItem> one(Dataset dataset, long sampleId, String condition) {
    return jdbc
        .query(
            COLUMNS
                + " from sample_score sc join sample s on s.id = sc.sample_id"
                + " where sc.run_id = :run and s.dataset_id = :dataset and s.id = :sample"
                + condition,
            new MapSqlParameterSource()
                .addValue("run", dataset.getActiveRunId())
                .addValue("dataset", dataset.getId())
                .addValue("sample", sampleId),
            QueueItems::map)
        .stream()
        .findFirst();
  }

  /** The methods that scored the run, by name. */
  List<String> methods(long runId) {
    return jdbc.queryForList(
        "select distinct method from method_score where run_id = :run order by method",
        new MapSqlParameterSource("run", runId),
        String.class);
  }

  /** The id of the dataset's sample at {@code sampleIndex}, if it has one. */
  Optional<Long> sampleIdAt(long datasetId, int sampleIndex) {
    return jdbc
        .query(
            "select id from sample where dataset_id = :dataset and sample_index = :index",
            new MapSqlParameterSource()
                .addValue("dataset", datasetId)
                .addValue("index", sampleIndex),
            (rs, row) -> rs.getLong(1))
        .stream()
        .findFirst();
  }

  /** One row of {@link #COLUMNS}. */
  static QueueItem map(ResultSet rs, int row) throws SQLException {
    return new QueueItem(
        rs.getLong(1),
        rs.getInt(2),
        rs.getLong(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getDouble(6),
        (Integer) rs.getObject(7),
        (Double) rs.getObject(8),
        flags(rs.getString(9)),
        rs.getLong(10));
  }

  private static List<String> flags(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).toList();
  }
}

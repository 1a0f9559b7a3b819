package com.relabel.export;

import com.relabel.base.JsonText;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrected labels of a dataset as CSV or JSON Lines, streamed row by row so that a million
 * samples never sit in memory. Both carry the same fields; {@code score} is the active run's.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class LabelExport {

  /** The media type of JSON Lines. */
  public static final String JSONL = "application/jsonl";

  static final String HEADER =
      "sample_index,original_label,current_label,status,decided_by,decided_at,score";

  private final DatasetService datasets;
  private final JdbcTemplate jdbc;

  LabelExport(DatasetService datasets, DataSource dataSource) {
    this.datasets = datasets;
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
  }

  /** A file name for the export, from the dataset's name; {@code extension} without the dot. */
  public String fileName(long datasetId, String extension) {
    return datasets.get(datasetId).getName().replaceAll("[^A-Za-z0-9._-]+", "_")
        + "-labels."
        + extension;
  }

  /** Writes the header and one row per sample in sample order. */
  @Transactional(readOnly = true)
  public void writeCsv(long datasetId, Writer out) {
    Lines.write(out, HEADER + "\n");
    stream(
        datasetId,
        row ->
            Lines.write(
                out,
                row.index
                    + ","
                    + row.originalLabel
                    + ","
                    + row.currentLabel
                    + ","
                    + row.status
                    + ","
                    + Csv.field(row.decidedBy)
                    + ","
                    + (row.decidedAt == null ? "" : row.decidedAt)
                    + ","
                    + (row.score == null ? "" : Double.toString(row.score))
                    + "\n"));
  }

  /** Writes one JSON object per line and sample, in sample order, with the fields of the CSV. */
  @Transactional(readOnly = true)
  public void writeJsonl(long datasetId, Writer out) {
    stream(
        datasetId,
        row ->
            Lines.write(
                out,
                "{\"sample_index\":"
                    + row.index
                    + ",\"original_label\":"
                    + row.originalLabel
                    + ",\"current_label\":"
                    + row.currentLabel
                    + ",\"status\":"
                    + JsonText.quote(row.status)
                    + ",\"decided_by\":"
                    + JsonText.quote(row.decidedBy)
                    + ",\"decided_at\":"
                    + JsonText.quote(row.decidedAt)
                    + ",\"score\":"
                    + JsonText.number(row.score)
                    + "}\n"));
  }

  private void stream(long datasetId, java.util.function.Consumer<Row> sink) {
    Dataset dataset = datasets.get(datasetId);
    jdbc.query(
        "select s.sample_index, s.original_label, s.current_label, s.status, s.decided_by,"
            + " s.decided_at, sc.score from sample s left join sample_score sc"
            + " on sc.sample_id = s.id and sc.run_id = ? where s.dataset_id = ?"
            + " order by s.sample_index",
        (RowCallbackHandler) rs -> sink.accept(Row.of(rs)),
        dataset.getActiveRunId() == null ? -1L : dataset.getActiveRunId(),
        datasetId);
  }

  private record Row(
      int index,
      int originalLabel,
      int currentLabel,
      String status,
      String decidedBy,
      String decidedAt,
      Double score) {

    static Row of(ResultSet rs) throws SQLException {
      Timestamp at = rs.getTimestamp(6);
      double score = rs.getDouble(7);
      boolean noScore = rs.wasNull();
      return new Row(
          rs.getInt(1),
          rs.getInt(2),
          rs.getInt(3),
          rs.getString(4),
          rs.getString(5),
          at == null ? null : at.toInstant().toString(),
          noScore ? null : score);
    }
  }
}

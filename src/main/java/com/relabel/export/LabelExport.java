package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrected labels of a dataset as CSV, streamed row by row so that a million samples never sit
 * in memory.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class LabelExport {

  static final String HEADER =
      "sample_index,original_label,current_label,status,decided_by,decided_at,score";

  private final DatasetService datasets;
  private final JdbcTemplate jdbc;

  LabelExport(DatasetService datasets, DataSource dataSource) {
    this.datasets = datasets;
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
  }

  public String fileName(long datasetId) {
    return datasets.get(datasetId).getName().replaceAll("[^A-Za-z0-9._-]+", "_") + "-labels.csv";
  }

  /** Writes the header and one row per sample in sample order. */
  @Transactional(readOnly = true)
  public void writeCsv(long datasetId, Writer out) {
    Dataset dataset = datasets.get(datasetId);
    try {
      out.write(HEADER);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.query(
        "select s.sample_index, s.original_label, s.current_label, s.status, s.decided_by,"
            + " s.decided_at, sc.score from sample s left join sample_score sc"
            + " on sc.sample_id = s.id and sc.run_id = ? where s.dataset_id = ?"
            + " order by s.sample_index",
        rs -> {
          try {
            Timestamp at = rs.getTimestamp(6);
            double score = rs.getDouble(7);
            boolean noScore = rs.wasNull();
            out.write(
                rs.getInt(1)
                    + ","
                    + rs.getInt(2)
                    + ","
                    + rs.getInt(3)
                    + ","
                    + rs.getString(4)
                    + ","
                    + Csv.field(rs.getString(5))
                    + ","
                    + (at == null ? "" : at.toInstant().toString())
                    + ","
                    + (noScore ? "" : Double.toString(score))
                    + "\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        dataset.getActiveRunId() == null ? -1L : dataset.getActiveRunId(),
        datasetId);
  }
}

package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import java.io.IOException;
import java.io.OutputStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dataset with its corrected labels, back in the format it was imported in, so that the team's
 * own pipeline reads it as it read the original; excluded samples are left out, as training here
 * leaves them out. Streamed from JDBC cursors, in the dataset's {@link SourceFormat}:
 *
 * <ul>
 *   <li>a feature table: the same CSV, the current class name in its label column;
 *   <li>text: CSV {@code id,text,label} (class names);
 *   <li>an image folder or ZIP: {@code labels.csv} with {@code file,label}, to lay over the team's
 *       own folder;
 *   <li>IDX: a ZIP of {@code images-idx3-ubyte} and {@code labels-idx1-ubyte}, plus {@code
 *       sample-index.txt}: the original index of each row.
 * </ul>
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class SourceFormatExport {

  /** What the download is: its file name and media type. */
  public record Format(String fileName, String contentType) {}

  private final DatasetService datasets;
  private final JdbcTemplate jdbc;

  SourceFormatExport(DatasetService datasets, DataSource dataSource) {
    this.datasets = datasets;
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
  }

  /** The format the dataset goes back in (throws for an unknown dataset). */
  @Transactional(readOnly = true)
  public Format format(long datasetId) {
    Dataset dataset = datasets.get(datasetId);
    String base = dataset.getName().replaceAll("[^A-Za-z0-9._-]+", "_");
    SourceFormat format = formatOf(dataset);
    return new Format(base + format.fileSuffix(), format.contentType());
  }

  /**
   * Writes the dataset in {@link #format}; the caller closes {@code out}. One snapshot for all its
   * queries (repeatable read), so that a decision made meanwhile cannot make the IDX count, images,
   * labels and indexes disagree.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public void write(long datasetId, OutputStream out) throws IOException {
    Dataset dataset = datasets.get(datasetId);
    formatOf(dataset).write(dataset, datasets.classNames(datasetId), jdbc, out);
  }

  private SourceFormat formatOf(Dataset dataset) {
    boolean hasFileNames =
        !jdbc.queryForList(
                "select 1 from sample where dataset_id = ? and external_id is not null"
                    + " fetch first 1 rows only",
                Integer.class,
                dataset.getId())
            .isEmpty();
    return SourceFormat.of(dataset, hasFileNames);
  }
}

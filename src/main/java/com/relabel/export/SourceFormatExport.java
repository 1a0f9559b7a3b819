package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dataset with its corrected labels, back in the format it was imported in, so that the team's
 * own pipeline reads it as it read the original; excluded samples are left out, as training here
 * leaves them out. Streamed from JDBC cursors:
 *
 * <ul>
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

  private static final String KEPT = " and status <> 'EXCLUDED' order by s.sample_index";

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
    if (dataset.getKind() == DatasetKind.TEXT) {
      return new Format(base + "-corrected.csv", "text/csv");
    }
    return hasFileNames(datasetId)
        ? new Format(base + "-labels.csv", "text/csv")
        : new Format(base + "-idx.zip", "application/zip");
  }

  /**
   * Writes the dataset in {@link #format}; the caller closes {@code out}. One snapshot for all its
   * queries (repeatable read), so that a decision made meanwhile cannot make the IDX count, images,
   * labels and indexes disagree.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public void write(long datasetId, OutputStream out) throws IOException {
    Dataset dataset = datasets.get(datasetId);
    List<String> classes = datasets.classNames(datasetId);
    if (dataset.getKind() == DatasetKind.TEXT) {
      Writer text = writer(out);
      text.write("id,text,label\n");
      jdbc.query(
          "select coalesce(s.external_id, cast(s.sample_index as varchar(20))), c.text_body,"
              + " s.current_label from sample s join sample_content c on c.sample_id = s.id"
              + " where s.dataset_id = ?"
              + KEPT,
          (RowCallbackHandler)
              rs ->
                  Lines.write(
                      text,
                      Csv.field(rs.getString(1))
                          + ","
                          + Csv.field(rs.getString(2))
                          + ","
                          + Csv.field(classes.get(rs.getInt(3)))
                          + "\n"),
          datasetId);
      text.flush();
    } else if (hasFileNames(datasetId)) {
      Writer csv = writer(out);
      csv.write("file,label\n");
      jdbc.query(
          "select s.external_id, s.current_label from sample s where s.dataset_id = ?" + KEPT,
          (RowCallbackHandler)
              rs ->
                  Lines.write(
                      csv,
                      Csv.field(rs.getString(1))
                          + ","
                          + Csv.field(classes.get(rs.getInt(2)))
                          + "\n"),
          datasetId);
      csv.flush();
    } else {
      writeIdx(dataset, out);
    }
  }

  private void writeIdx(Dataset dataset, OutputStream out) throws IOException {
    long datasetId = dataset.getId();
    int n =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ? and status <> 'EXCLUDED'",
            Integer.class,
            datasetId);
    var zip = new ZipOutputStream(new KeepOpen(out));
    var data = new DataOutputStream(zip);
    boolean colour = dataset.getImageChannels() > 1;
    zip.putNextEntry(new ZipEntry("images-idx3-ubyte"));
    data.writeInt(colour ? 0x00000804 : 0x00000803);
    data.writeInt(n);
    data.writeInt(dataset.getImageHeight());
    data.writeInt(dataset.getImageWidth());
    if (colour) {
      data.writeInt(dataset.getImageChannels());
    }
    jdbc.query(
        "select c.pixels from sample s join sample_content c on c.sample_id = s.id"
            + " where s.dataset_id = ?"
            + KEPT,
        (RowCallbackHandler) rs -> write(data, rs.getBytes(1)),
        datasetId);
    data.flush();
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("labels-idx1-ubyte"));
    data.writeInt(0x00000801);
    data.writeInt(n);
    jdbc.query(
        "select s.current_label from sample s where s.dataset_id = ?" + KEPT,
        (RowCallbackHandler) rs -> writeByte(data, rs.getInt(1)),
        datasetId);
    data.flush();
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("sample-index.txt"));
    Writer rows = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    jdbc.query(
        "select s.sample_index from sample s where s.dataset_id = ?" + KEPT,
        (RowCallbackHandler) rs -> Lines.write(rows, rs.getInt(1) + "\n"),
        datasetId);
    rows.flush();
    zip.closeEntry();
    zip.close(); // finishes the archive and frees the deflater; leaves the caller's stream open
  }

  /** The caller's stream, flushed but not closed when the ZIP around it is closed. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private boolean hasFileNames(long datasetId) {
    return !jdbc.queryForList(
            "select 1 from sample where dataset_id = ? and external_id is not null"
                + " fetch first 1 rows only",
            Integer.class,
            datasetId)
        .isEmpty();
  }

  private static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void write(DataOutputStream out, byte[] bytes) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeByte(DataOutputStream out, int value) {
    try {
      out.writeByte(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * IDX: a ZIP of {@code images-idx3-ubyte} and {@code labels-idx1-ubyte}, plus {@code
 * sample-index.txt}: the original index of each row. Every dataset of pixels or features without
 * file names.
 */
final class IdxZipSource implements SourceFormat {

  @Override
  public boolean fits(Dataset dataset, boolean hasFileNames) {
    return dataset.getKind() == DatasetKind.IMAGE && !hasFileNames;
  }

  @Override
  public String fileSuffix() {
    return "-idx.zip";
  }

  @Override
  public String contentType() {
    return "application/zip";
  }

  @Override
  public void write(Dataset dataset, List<String> classes, JdbcTemplate jdbc, OutputStream out)
      throws IOException {
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

package com.relabel.export;

import com.relabel.dataset.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One format a dataset can be imported in, written back with its corrected labels (excluded samples
 * left out). The formats are listed in {@link #ALL}, as scoring lists its methods in {@code
 * ScorerRegistry.all}: a new import format adds one class here and one line there
 * (docs/architecture.md, "A new import format").
 */
interface SourceFormat {

  /** Every format, the first that {@link #fits} a dataset wins. */
  List<SourceFormat> ALL =
      List.of(new TableCsvSource(), new TextCsvSource(), new LabelsCsvSource(), new IdxZipSource());

  /** The end of every query: excluded samples left out, in sample order. */
  String KEPT = " and status <> 'EXCLUDED' order by s.sample_index";

  /**
   * Whether the dataset came in this format.
   *
   * @param hasFileNames whether its samples keep the names of the files they were read from
   */
  boolean fits(Dataset dataset, boolean hasFileNames);

  /**
   * The end of the download's file name, after the dataset's name: the imported CSV file again,
   * corrected, unless the format says otherwise.
   */
  default String fileSuffix() {
    return "-corrected.csv";
  }

  /** The download's media type: CSV unless the format says otherwise. */
  default String contentType() {
    return "text/csv";
  }

  /** Writes the dataset; {@code classes} are its class names by index. */
  void write(Dataset dataset, List<String> classes, JdbcTemplate jdbc, OutputStream out)
      throws IOException;

  /** The format of {@code dataset}: the first of {@link #ALL} that fits it. */
  static SourceFormat of(Dataset dataset, boolean hasFileNames) {
    return ALL.stream()
        .filter(f -> f.fits(dataset, hasFileNames))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no source format for dataset " + dataset.getId()));
  }

  /** A buffered UTF-8 writer over {@code out}; the caller flushes it, {@code out} stays open. */
  static Writer text(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}

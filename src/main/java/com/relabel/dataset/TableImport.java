package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports a feature-table dataset from a CSV file (decision 0045). The file is read twice, never
 * held in memory: once to check every row and learn each column's encoding and the classes ({@link
 * TableScan}), once to write, in one transaction. A bad file is refused with a {@link
 * TextFormatException} naming the file, the line and the column, and leaves the database untouched.
 */
@Service
public class TableImport {

  /** The most features a row may encode to: the MLP's first layer, as for hashed texts. */
  static final int MAX_FEATURES = 4096;

  private final TableDatasetWriter writer;
  private final ImportLimits limits;

  TableImport(TableDatasetWriter writer, ImportLimits limits) {
    this.writer = writer;
    this.limits = limits;
  }

  /**
   * @param file a {@code .csv} file
   * @param source what the dataset's card says it came from (e.g. the uploaded file's name)
   * @param progress told how many of the file's rows are written, after every 1,000
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(
      String name, Path file, String source, TableOptions options, TextImport.Progress progress)
      throws IOException {
    return importFile(name, file, source, options, progress, () -> false);
  }

  /**
   * As above, asking {@code stop} between two batches of 1,000 rows: when it says so the import
   * ends with an {@link ImportStoppedException} and its transaction rolls back (the application is
   * shutting down, {@link BackgroundImports}).
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(
      String name,
      Path file,
      String source,
      TableOptions options,
      TextImport.Progress progress,
      BooleanSupplier stop)
      throws IOException {
    // errors name the file by its own name, never by the (temporary, server-side) folder
    String fileName = file.getFileName().toString();
    limits.requireFileFits(file, fileName, "bytes");
    TableScan scan = scan(file, fileName, options);
    int width = scan.schema().width();
    // the features are stored as half-precision numbers, 2 bytes each
    String tooLarge =
        limits.decodedRefusal(scan.rows(), 2L * width, "rows of " + width + " features");
    if (tooLarge != null) {
      throw new TextFormatException(fileName, 0, tooLarge);
    }
    progress.written(0, scan.rows());
    return writer.write(
        name,
        file,
        fileName,
        options,
        scan,
        withNote(source, scan.emptyColumns()),
        written -> progress.written(written, scan.rows()),
        stop);
  }

  /** The most characters of the dataset's source (its column). */
  private static final int MAX_SOURCE = 1000;

  /** The source, and the columns left out for being empty, for the dataset's card. */
  static String withNote(String source, List<String> emptyColumns) {
    if (emptyColumns.isEmpty()) {
      return source;
    }
    String noted =
        source + " (left out, empty on every row: " + String.join(", ", emptyColumns) + ")";
    return noted.length() <= MAX_SOURCE ? noted : noted.substring(0, MAX_SOURCE - 4) + "...)";
  }

  /** As above, without progress. */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Dataset importFile(String name, Path file, String source, TableOptions options)
      throws IOException {
    return importFile(name, file, source, options, (written, total) -> {});
  }

  /**
   * Checks every row of the file and learns its encoding, naming the file {@code name} in errors.
   *
   * @throws TextFormatException naming the file, line and column of the first problem
   */
  static TableScan scan(Path file, String name, TableOptions options) throws IOException {
    TableScan scan = TableScan.of(file, name, options);
    int width = scan.schema().width();
    if (width == 0) {
      throw new TextFormatException(
          name,
          1,
          "no feature column has a value (empty on every row: %s)"
              .formatted(String.join(", ", scan.emptyColumns())));
    }
    if (width > MAX_FEATURES) {
      throw new TextFormatException(
          name,
          0,
          "the columns encode to %,d features, more than %,d (fewer categories, or fewer columns)"
              .formatted(width, MAX_FEATURES));
    }
    return scan;
  }
}

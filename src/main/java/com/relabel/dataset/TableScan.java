package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first reading of a table (decision 0045): checks every row and learns each feature column's
 * type and encoding (mean and spread of a numeric column, levels of a categorical one) and the
 * classes, holding only those, never the rows. A column empty on every row tells nothing apart: it
 * is left out of the features (the rows keep it, so the export gives it back) and named in {@code
 * emptyColumns}.
 *
 * @param schema how the columns are encoded
 * @param classes the labels found
 * @param rows how many rows the file has
 * @param emptyColumns the feature columns without a single value, left out of the features
 */
record TableScan(TableSchema schema, TextClasses classes, int rows, List<String> emptyColumns) {

  /** The most distinct values of a categorical column (its one-hot features). */
  static final int MAX_LEVELS = 100;

  static TableScan of(Path file, String name, TableOptions options) throws IOException {
    List<ColumnStats> stats = new ArrayList<>();
    TableFileReader.Header[] header = {null};
    Set<String> labels = new HashSet<>();
    int[] rows = {0};
    TableFileReader.read(
        file,
        name,
        options,
        h -> {
          header[0] = h;
          for (int i = 0; i < h.names().size(); i++) {
            if (i != h.label() && i != h.id()) {
              boolean marked =
                  options.categorical().stream().anyMatch(h.names().get(i)::equalsIgnoreCase);
              stats.add(new ColumnStats(h.names().get(i), i, marked));
            }
          }
        },
        (line, cells, id) -> {
          for (ColumnStats s : stats) {
            s.add(name, line, cells.get(s.position));
          }
          labels.add(cells.get(header[0].label()).trim());
          rows[0]++;
        });
    TextClasses classes = TextClasses.of(labels, name);
    var h = header[0];
    var schema =
        new TableSchema(
            h.names(),
            h.label(),
            h.id(),
            stats.stream().filter(s -> !s.isEmpty()).map(ColumnStats::column).toList());
    List<String> empty = stats.stream().filter(ColumnStats::isEmpty).map(s -> s.name).toList();
    return new TableScan(schema, classes, rows[0], empty);
  }

  /** One feature column as it is read: undecided until its first value, then one of two types. */
  private static final class ColumnStats {
    final String name;
    final int position;
    Boolean numeric;
    String firstValue;
    int firstLine;
    long count;
    double mean;
    double squares; // Welford's running sum of squared differences from the mean
    boolean hasMissing;
    final TreeSet<String> levels = new TreeSet<>();

    ColumnStats(String name, int position, boolean categorical) {
      this.name = name;
      this.position = position;
      this.numeric = categorical ? Boolean.FALSE : null;
    }

    void add(String file, int line, String cell) throws TextFormatException {
      if (TableColumn.isMissing(cell)) {
        hasMissing = true;
        return;
      }
      double v = TableColumn.number(cell);
      if (numeric == null) {
        numeric = !Double.isNaN(v);
        firstValue = cell.trim();
        firstLine = line;
      }
      if (numeric) {
        if (Double.isNaN(v)) {
          throw TableFileReader.error(
              file,
              line,
              name,
              ("'%s' is not a number, and the column is numeric since line %d ('%s');"
                      + " mark it categorical if it holds categories")
                  .formatted(cell.trim(), firstLine, firstValue));
        }
        count++;
        double before = mean;
        mean += (v - mean) / count;
        squares += (v - before) * (v - mean);
        return;
      }
      if (levels.add(cell.trim()) && levels.size() > MAX_LEVELS) {
        throw TableFileReader.error(
            file,
            line,
            name,
            ("'%s' is one distinct value too many: a categorical column may have at most %d"
                    + " (is it an id or free text? name it the id column or leave it out)")
                .formatted(cell.trim(), MAX_LEVELS));
      }
    }

    /** Whether no row has a value here (a column marked categorical included). */
    boolean isEmpty() {
      return count == 0 && levels.isEmpty();
    }

    TableColumn column() {
      if (numeric) {
        double spread = count > 0 ? Math.sqrt(squares / count) : 0;
        return new TableColumn(name, position, true, mean, spread, hasMissing, List.of());
      }
      List<String> all = new ArrayList<>(levels);
      if (hasMissing) {
        all.add(TableColumn.MISSING);
      }
      return new TableColumn(name, position, false, 0, 0, hasMissing, all);
    }
  }
}

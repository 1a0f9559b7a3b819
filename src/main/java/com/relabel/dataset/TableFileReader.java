package com.relabel.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the rows of a feature table (decision 0045): an RFC 4180 CSV file, UTF-8 with an optional
 * byte-order mark, whose header names the columns, one of them the label (and maybe one the id).
 * Every row is checked as it is read (as many cells as the header, a label, an id used once, no
 * NUL) and handed over one at a time, so a file of any size is never held. Every problem is a
 * {@link TextFormatException} naming the file, the line and the column.
 */
final class TableFileReader {

  /** The most columns a table may have: wider tables are embeddings (decision 0044). */
  static final int MAX_COLUMNS = 2000;

  /** Receives each checked row; may throw to stop the reading. */
  @FunctionalInterface
  interface Sink {
    /**
     * @param line the 1-based line the row starts on
     * @param cells the row's cells, as many as the header's
     * @param id the row's id: its id column's cell, or its line
     */
    void accept(int line, List<String> cells, String id) throws IOException;
  }

  /** The header, with the positions of the label and id columns. */
  record Header(List<String> names, int label, int id) {}

  private TableFileReader() {}

  /**
   * Reads {@code file}, naming it {@code name} in errors; gives {@code header} the header once it
   * is checked, then {@code sink} each row.
   */
  static void read(Path file, String name, TableOptions options, Consumer<Header> header, Sink sink)
      throws IOException {
    try (Reader in = TextFileReader.utf8(file)) {
      TextFileReader.skipByteOrderMark(in);
      var csv = new CsvRecords(in, name);
      Header h = header(csv.next(), name, options);
      header.accept(h);
      Map<String, Integer> lineOfId = new HashMap<>();
      List<String> cells;
      while ((cells = csv.next()) != null) {
        int line = csv.recordLine();
        if (cells.size() == 1 && cells.getFirst().isEmpty()) {
          continue; // a blank line
        }
        if (cells.size() != h.names().size()) {
          throw new TextFormatException(
              name,
              line,
              cells.size()
                  + " cells where the header has "
                  + h.names().size()
                  + " (missing cell?)");
        }
        String id = h.id() < 0 ? Integer.toString(line) : cells.get(h.id()).trim();
        check(name, line, h, cells, id);
        Integer first = lineOfId.putIfAbsent(id, line);
        if (first != null) {
          throw error(
              name,
              line,
              h.names().get(h.id()),
              "the id '" + id + "' is on line " + first + " too");
        }
        sink.accept(line, cells, id);
      }
    } catch (CharacterCodingException e) {
      throw new TextFormatException(name, 0, "not valid UTF-8 text");
    }
  }

  private static Header header(List<String> names, String name, TableOptions options)
      throws TextFormatException {
    if (names == null) {
      throw new TextFormatException(name, 0, "the file is empty; expected a header row");
    }
    if (names.size() > MAX_COLUMNS) {
      throw new TextFormatException(
          name,
          1,
          "%,d columns, more than %,d (import wide vectors as embeddings)"
              .formatted(names.size(), MAX_COLUMNS));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String column = names.get(i).trim();
      if (column.isEmpty()) {
        throw new TextFormatException(name, 1, "column " + (i + 1) + " has no name");
      }
      if (seen.putIfAbsent(column.toLowerCase(Locale.ROOT), i) != null) {
        throw new TextFormatException(name, 1, "two columns are named '" + column + "'");
      }
      TextFileReader.refuseNul(name, 1, "header", column);
    }
    int label = position(names, options.labelColumn());
    if (label < 0) {
      throw new TextFormatException(
          name,
          1,
          "no label column '"
              + options.labelColumn()
              + "' in the header "
              + names
              + "; name the column that holds the labels");
    }
    int id = -1;
    if (options.idColumn() != null) {
      id = position(names, options.idColumn());
      if (id < 0 || id == label) {
        throw new TextFormatException(
            name, 1, "no id column '" + options.idColumn() + "' in the header " + names);
      }
    }
    for (String marked : options.categorical()) {
      if (position(names, marked) < 0) {
        throw new TextFormatException(
            name,
            1,
            "the column '" + marked + "' marked categorical is not in the header " + names);
      }
    }
    if (names.size() - (id < 0 ? 1 : 2) < 1) {
      throw new TextFormatException(name, 1, "no feature column: the header has only " + names);
    }
    return new Header(names.stream().map(String::trim).toList(), label, id);
  }

  /** The position of the column named {@code wanted} (any case), or -1. */
  static int position(List<String> names, String wanted) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().equalsIgnoreCase(wanted.trim())) {
        return i;
      }
    }
    return -1;
  }

  private static void check(String name, int line, Header h, List<String> cells, String id)
      throws TextFormatException {
    String label = cells.get(h.label()).trim();
    String labelColumn = h.names().get(h.label());
    if (label.isEmpty()) {
      throw error(name, line, labelColumn, "no label");
    }
    if (label.length() > TextFileReader.MAX_LABEL_CHARS) {
      throw error(
          name, line, labelColumn, "longer than " + TextFileReader.MAX_LABEL_CHARS + " characters");
    }
    if (h.id() >= 0 && id.isEmpty()) {
      throw error(name, line, h.names().get(h.id()), "no id");
    }
    if (id.length() > TextFileReader.MAX_ID_CHARS) {
      throw error(
          name,
          line,
          h.names().get(h.id()),
          "longer than " + TextFileReader.MAX_ID_CHARS + " characters");
    }
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).indexOf('\0') >= 0) {
        throw error(name, line, h.names().get(i), "a NUL character (U+0000)");
      }
    }
    if (TableRows.line(cells).length() > TextFileReader.MAX_TEXT_CHARS) {
      throw new TextFormatException(
          name, line, "a row longer than %,d characters".formatted(TextFileReader.MAX_TEXT_CHARS));
    }
  }

  /** A refusal about one cell: "file, line N, column 'c': problem". */
  static TextFormatException error(String name, int line, String column, String problem) {
    return new TextFormatException(name, line, column, problem);
  }
}

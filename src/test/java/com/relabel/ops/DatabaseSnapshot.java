package com.relabel.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Every row of every table of the application's schema, as text, so that a database and its
 * restored copy can be compared whole. Flyway's history is left out: the application's role may not
 * read it, and the restored application's own start validates it.
 *
 * @param rows each table's rows, each row its columns joined by {@code |}, sorted
 */
record DatabaseSnapshot(Map<String, List<String>> rows) {

  static DatabaseSnapshot of(DataSource dataSource) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Connection db = dataSource.getConnection()) {
      for (String table : tables(db)) {
        rows.put(table, rows(db, table));
      }
    }
    return new DatabaseSnapshot(rows);
  }

  /** The rows of one table; fails when the snapshot holds no such table. */
  List<String> table(String name) {
    List<String> table = rows.get(name);
    if (table == null) {
      throw new IllegalArgumentException("no table " + name + " in " + rows.keySet());
    }
    return table;
  }

  /**
   * What {@code copy} lacks or has more than this snapshot, one line per table that differs (its
   * row counts and its first differing row, cut short); empty when both hold the same rows.
   */
  List<String> differencesIn(DatabaseSnapshot copy) {
    List<String> differences = new ArrayList<>();
    Set<String> tables = new TreeSet<>(rows.keySet());
    tables.addAll(copy.rows.keySet());
    for (String table : tables) {
      List<String> expected = rows.getOrDefault(table, List.of());
      List<String> actual = copy.rows.getOrDefault(table, List.of());
      if (!expected.equals(actual)) {
        int first = 0;
        while (first < Math.min(expected.size(), actual.size())
            && expected.get(first).equals(actual.get(first))) {
          first++;
        }
        differences.add(
            "%s: %d rows, expected %d; first difference: %s instead of %s"
                .formatted(
                    table,
                    actual.size(),
                    expected.size(),
                    cut(first < actual.size() ? actual.get(first) : "no row"),
                    cut(first < expected.size() ? expected.get(first) : "no row")));
      }
    }
    return differences;
  }

  private static String cut(String row) {
    return row.length() <= 200 ? row : row.substring(0, 200) + "...";
  }

  private static List<String> tables(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
      while (result.next()) {
        String table = result.getString(1).toLowerCase(Locale.ROOT);
        if (!table.equals("flyway_schema_history")) {
          tables.add(table);
        }
      }
    }
    return tables;
  }

  private static List<String> rows(Connection db, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("select * from " + table)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          Object value = result.getObject(c);
          row.append(c > 1 ? "|" : "")
              .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}

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
import java.util.TreeMap;
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

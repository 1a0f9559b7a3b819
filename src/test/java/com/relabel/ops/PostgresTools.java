package com.relabel.ops;

import com.relabel.flow.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore) run against the test server, found where
 * {@code ./relabel test} finds initdb: the newest {@code /usr/lib/postgresql/<version>/bin}.
 */
final class PostgresTools {

  private static final Path INSTALLED = Path.of("/usr/lib/postgresql");

  private PostgresTools() {}

  /** The folder of the newest installed PostgreSQL's programs; fails naming where it looked. */
  static Path bin() {
    try (Stream<Path> versions = Files.list(INSTALLED)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_dump")))
          .max(Comparator.comparing(PostgresTools::majorVersion))
          .orElseThrow(() -> new IllegalStateException("no pg_dump under " + INSTALLED + "/*/bin"));
    } catch (IOException e) {
      throw new IllegalStateException("no PostgreSQL programs under " + INSTALLED, e);
    }
  }

  private static int majorVersion(Path bin) {
    String name = bin.getParent().getFileName().toString();
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  /** Creates a database owned by the migrating role on the test server; returns its JDBC URL. */
  static String createDatabase(String name) throws SQLException {
    try (var db =
            DriverManager.getConnection(
                TestPostgres.url(),
                TestPostgres.migratingUser(),
                TestPostgres.migratingPassword());
        var statement = db.createStatement()) {
      statement.execute("create database " + name);
    }
    return urlOf(name);
  }

  /** Drops a database of the test server, closing whatever connections are still open on it. */
  static void dropDatabase(String name) throws SQLException {
    try (var db =
            DriverManager.getConnection(
                TestPostgres.url(),
                TestPostgres.migratingUser(),
                TestPostgres.migratingPassword());
        var statement = db.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    }
  }

  /** The test server's JDBC URL with another database name. */
  static String urlOf(String database) {
    String url = TestPostgres.url();
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1)
        + database
        + (query < 0 ? "" : url.substring(query));
  }

  /**
   * Runs one of PostgreSQL's programs as the migrating role against the test server, with the
   * connection options taken from the test's JDBC URL; fails with its output unless it exits 0.
   */
  static void run(String program, String... arguments) throws IOException, InterruptedException {
    URI server = URI.create(TestPostgres.url().substring("jdbc:".length()));
    List<String> command = new ArrayList<>();
    command.add(bin().resolve(program).toString());
    command.addAll(
        List.of(
            "--host=" + server.getHost(),
            "--port=" + server.getPort(),
            "--username=" + TestPostgres.migratingUser(),
            "--no-password"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", TestPostgres.migratingPassword());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}

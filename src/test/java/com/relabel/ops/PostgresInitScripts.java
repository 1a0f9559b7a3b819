package com.relabel.ops;

import com.relabel.flow.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The scripts of a folder mounted at the postgres image's {@code /docker-entrypoint-initdb.d/}, run
 * as the image runs them on an empty volume: in name order, each executed with the service's
 * environment, {@code psql} on the path and {@code POSTGRES_USER} the role to run as. Here that
 * role is the test server's migrating role, reached over TCP, instead of the image's superuser.
 */
final class PostgresInitScripts {

  static final String ENTRYPOINT_FOLDER = "/docker-entrypoint-initdb.d";

  private PostgresInitScripts() {}

  /** Runs every script of {@code folder}; fails with a script's output unless it exits 0. */
  static void run(Path folder, Map<String, String> serviceEnvironment)
      throws IOException, InterruptedException {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(folder)) {
      scripts = files.sorted().toList();
    }
    if (scripts.isEmpty()) {
      throw new IllegalStateException(folder + " holds no init script");
    }
    URI server = URI.create(TestPostgres.url().substring("jdbc:".length()));
    for (Path script : scripts) {
      // the image sources a .sh that is not executable and feeds .sql files to psql; only
      // executable shell scripts are written here, so anything else is a mistake
      if (!script.toString().endsWith(".sh") || !Files.isExecutable(script)) {
        throw new IllegalStateException(script + " is not an executable .sh script");
      }
      ProcessBuilder builder =
          new ProcessBuilder(script.toAbsolutePath().toString()).redirectErrorStream(true);
      Map<String, String> environment = builder.environment();
      environment.clear();
      environment.putAll(serviceEnvironment);
      environment.put("PATH", PostgresTools.bin() + ":/usr/bin:/bin");
      environment.put("POSTGRES_USER", TestPostgres.migratingUser());
      environment.put("POSTGRES_DB", server.getPath().substring(1));
      environment.put("PGHOST", server.getHost());
      environment.put("PGPORT", String.valueOf(server.getPort()));
      environment.put("PGPASSWORD", TestPostgres.migratingPassword());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " failed:\n" + output);
      }
    }
  }
}

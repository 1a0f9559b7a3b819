package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.RelabelApplication;
import com.relabel.bench.QueueBenchmark;
import com.relabel.bench.QueuePageProbes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** {@code relabel queue-bench} end to end on a small in-memory H2 database. */
class QueueBenchCommandTest {

  static final String URL = "jdbc:h2:mem:queue-bench-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

  @Test
  void generatesMeasuresAndPrintsEveryOperation() throws SQLException {
    var buffer = new ByteArrayOutputStream();
    var out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code =
        new QueueBenchCommand(out, args -> SpringApplication.run(RelabelApplication.class, args))
            .execute(
                new String[] {
                  "--samples",
                  "2000",
                  "--db",
                  URL,
                  "--warmup",
                  "20",
                  "--iterations",
                  "100",
                  "--deep-pages",
                  "5",
                  "--pages-every",
                  "1"
                });
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    for (String operation :
        List.of(
            QueueBenchmark.NEXT,
            QueueBenchmark.NEXT + " (ranked by loss)",
            QueueBenchmark.DECIDE,
            QueuePageProbes.FIRST_PAGE,
            QueuePageProbes.DEEP_PAGE,
            QueuePageProbes.FILTERED_PAGE,
            QueuePageProbes.COUNT,
            QueuePageProbes.FILTERED_COUNT)) {
      var row =
          Pattern.compile(
                  "\\| "
                      + Pattern.quote(operation)
                      + " \\| (\\d+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\|")
              .matcher(printed);
      assertThat(row.find()).as(operation + " in\n" + printed).isTrue();
      int n = Integer.parseInt(row.group(1));
      assertThat(n).as(operation).isBetween(90, 100);
      for (int g = 2; g <= 5; g++) {
        assertThat(Double.parseDouble(row.group(g))).as(operation).isPositive();
      }
      // p50 <= p95 <= p99 <= max
      assertThat(Double.parseDouble(row.group(2)))
          .isLessThanOrEqualTo(Double.parseDouble(row.group(3)));
      assertThat(Double.parseDouble(row.group(4)))
          .isLessThanOrEqualTo(Double.parseDouble(row.group(5)));
    }
    assertThat(printed).contains("2,000 samples (generated in");
    // every sample streamed once per label export, every scored sample once per score export
    assertThat(printed)
        .containsPattern("\\| labels, CSV \\| 2,001 \\|")
        .containsPattern("\\| labels, JSONL \\| 2,000 \\|")
        .containsPattern("\\| scores, JSONL \\| 2,000 \\|")
        .containsPattern("\\| scores of loss, JSONL \\| 2,000 \\|");

    try (var c = DriverManager.getConnection(URL, "sa", "");
        var s = c.createStatement()) {
      var decided =
          s.executeQuery(
              "select count(*) from sample where status <> 'OPEN' and decided_by = 'queue-bench'");
      decided.next();
      var audited =
          c.createStatement()
              .executeQuery("select count(*) from audit_entry where actor = 'queue-bench'");
      audited.next();
      // the decisions went through the service: one audit row each
      assertThat(decided.getInt(1)).isBetween(100, 120).isEqualTo(audited.getInt(1));
      s.execute("shutdown");
    }
  }

  @Test
  void refusesABadDatabaseAndAQueueTooShort() {
    var out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    var command =
        new QueueBenchCommand(
            out,
            args -> {
              throw new AssertionError("must not start the application");
            });
    assertThat(command.execute(new String[] {"--db", "mysql"})).isEqualTo(2);
    assertThat(command.execute(new String[] {"--samples", "100", "--iterations", "200"}))
        .isEqualTo(2);
    assertThat(command.execute(new String[] {"--iterations", "fast"})).isEqualTo(2);
  }
}

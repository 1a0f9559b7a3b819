package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.RelabelApplication;
import com.relabel.audit.AuditChainReport;
import com.relabel.audit.AuditChainVerifier;
import com.relabel.flow.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's PostgreSQL backup procedure, for real: the application decides on a database of its
 * own, {@code pg_dump --format=custom} dumps it as the owner role, {@code pg_restore} loads it into
 * a fresh database, and the application started on the copy as its own role finds every label,
 * decision and audit row, an intact hash chain ending in the same hash, and its grants as before
 * (it can decide, and still cannot change an audit row). Needs the two-role PostgreSQL of {@code
 * ./relabel test}; without it this test fails, as every PostgreSQL test does.
 */
class PostgresBackupRestoreTest {

  @TempDir Path dir;

  @Test
  void aCustomFormatDumpRestoresEveryDecisionAndAuditRowAndTheChainStillVerifies()
      throws Exception {
    assertThat(TestPostgres.ownerUser())
        .as("relabel.test.postgres.owner-user: run the suite with ./relabel test")
        .isNotBlank();
    String name = "relabel_backup_" + System.nanoTime();
    String copy = name + "_restored";
    try {
      DatabaseSnapshot before;
      AuditChainReport chain;
      long datasetId;
      try (var app = start(PostgresTools.createDatabase(name))) {
        datasetId = ReviewedData.decideSome(app, dir);
        before = DatabaseSnapshot.of(app.getBean(DataSource.class));
        chain = app.getBean(AuditChainVerifier.class).verify();
      }
      assertThat(chain.intact()).as(chain.problem()).isTrue();
      assertThat(chain.entries()).isEqualTo(11); // 9 decisions, 1 more and its undo
      assertThat(before.table("sample"))
          .anyMatch(row -> row.contains("|CONFIRMED|"))
          .anyMatch(row -> row.contains("|CORRECTED|"))
          .anyMatch(row -> row.contains("|EXCLUDED|"));

      Path dump = dir.resolve("relabel.dump");
      PostgresTools.run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + name);
      assertThat(Files.size(dump)).isPositive();
      PostgresTools.createDatabase(copy);
      PostgresTools.run(
          "pg_restore",
          "--exit-on-error",
          "--single-transaction",
          "--dbname=" + copy,
          dump.toString());

      try (var app = start(PostgresTools.urlOf(copy))) {
        var jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select current_user", String.class))
            .isEqualTo(TestPostgres.user());
        DatabaseSnapshot after = DatabaseSnapshot.of(app.getBean(DataSource.class));
        assertThat(before.differencesIn(after)).isEmpty();
        assertThat(after.table("audit_entry")).hasSize(11);

        AuditChainVerifier verifier = app.getBean(AuditChainVerifier.class);
        AuditChainReport restored = verifier.verify(chain.lastHash());
        assertThat(restored.intact()).as(restored.problem()).isTrue();
        assertThat(restored.entries()).isEqualTo(chain.entries());
        assertThat(restored.lastHash()).isEqualTo(chain.lastHash());

        // the grants came back with the tables: the app's role appends, and only appends
        ReviewedData.confirmNext(app, datasetId);
        AuditChainReport appended = verifier.verify(chain.lastHash());
        assertThat(appended.intact()).as(appended.problem()).isTrue();
        assertThat(appended.entries()).isEqualTo(chain.entries() + 1);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory'"))
            .rootCause()
            .hasMessageContaining("permission denied for table audit_entry");
        assertThat(
                jdbc.queryForList(
                    "select distinct tableowner from pg_tables"
                        + " where schemaname = current_schema()",
                    String.class))
            .containsExactly(TestPostgres.ownerUser());
      }
    } finally {
      PostgresTools.dropDatabase(copy);
      PostgresTools.dropDatabase(name);
    }
  }

  /** The application on {@code url}, as its own role, migrating as the owner; no HTTP port. */
  private static ConfigurableApplicationContext start(String url) {
    List<String> properties =
        List.of(
            "spring.datasource.url=" + url,
            "spring.datasource.username=" + TestPostgres.user(),
            "spring.datasource.password=" + TestPostgres.password(),
            "spring.flyway.user=" + TestPostgres.ownerUser(),
            "spring.flyway.password=" + TestPostgres.ownerPassword(),
            "server.port=-1",
            "management.server.port=-1",
            "relabel.jobs.enabled=false",
            "relabel.jobs.node-name=backup-test");
    return new SpringApplicationBuilder(RelabelApplication.class)
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }
}

package com.relabel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.flow.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail on a real PostgreSQL with the README's two roles ({@code ./relabel test} sets
 * them up): the application works as its own role, which cannot change, remove or unguard audit
 * rows; the tables' owner can, and the verifier names what it changed. Fails without the owner
 * role: it must never pass on a one-role database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "relabel.jobs.poll-interval=200ms")
class PostgresAuditChainTest extends AuditChainFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @BeforeAll
  void twoRoles() {
    assertThat(TestPostgres.ownerUser())
        .as("relabel.test.postgres.owner-user: run the suite with ./relabel test")
        .isNotBlank()
        .isNotEqualTo(TestPostgres.user());
  }

  Connection owner() throws SQLException {
    return DriverManager.getConnection(
        TestPostgres.url(), TestPostgres.ownerUser(), TestPostgres.ownerPassword());
  }

  @Override
  void asOwner(String sql, Object... args) throws SQLException {
    try (Connection db = owner()) {
      db.setAutoCommit(false);
      try (Statement ddl = db.createStatement();
          PreparedStatement statement = db.prepareStatement(sql)) {
        ddl.execute("alter table audit_entry disable trigger audit_entry_append_only");
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
        ddl.execute("alter table audit_entry enable trigger audit_entry_append_only");
      }
      db.commit();
    }
  }

  @Override
  List<String> databaseOptions() {
    return List.of(
        "--spring.datasource.url=" + TestPostgres.url(),
        "--spring.datasource.username=" + TestPostgres.user(),
        "--spring.datasource.password=" + TestPostgres.password());
  }

  @Test
  void theAppRunsAsItsOwnRoleAndOwnsNothing() {
    assertThat(jdbc.queryForObject("select current_user", String.class))
        .isEqualTo(TestPostgres.user());
    assertThat(
            jdbc.queryForList(
                "select distinct tableowner from pg_tables where schemaname = current_schema()",
                String.class))
        .containsExactly(TestPostgres.ownerUser());
    assertThat(
            jdbc.queryForObject(
                "select pg_get_userbyid(proowner) from pg_proc"
                    + " where proname = 'audit_entry_refuse_change'",
                String.class))
        .isEqualTo(TestPostgres.ownerUser());
  }

  @Test
  void theAppsRoleCanOnlyReadAndAppendTheAuditTrail() throws SQLException {
    decide(20, com.relabel.review.ReviewAction.CONFIRM); // at least one row to aim at
    String notAllowed = "permission denied for table audit_entry";
    assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory'"))
        .rootCause()
        .hasMessageContaining(notAllowed);
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
        .rootCause()
        .hasMessageContaining(notAllowed);
    assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
        .rootCause()
        .hasMessageContaining(notAllowed);
    String notOwner = "must be owner of table audit_entry";
    assertThatThrownBy(
            () -> jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only"))
        .rootCause()
        .hasMessageContaining(notOwner);
    assertThatThrownBy(() -> jdbc.execute("alter table audit_entry disable trigger all"))
        .rootCause()
        .hasMessageContaining(notOwner);
    assertThatThrownBy(() -> jdbc.execute("drop trigger audit_entry_append_only on audit_entry"))
        .rootCause()
        .hasMessageContaining("must be owner of relation audit_entry");
    assertThatThrownBy(() -> jdbc.execute("drop function audit_entry_refuse_change() cascade"))
        .rootCause()
        .hasMessageContaining("must be owner of function audit_entry_refuse_change");
    assertThatThrownBy(() -> jdbc.execute("drop table audit_entry cascade"))
        .rootCause()
        .hasMessageContaining(notOwner);
    // nor unlink the chain's head, nor rewrite the migrations' history
    assertThatThrownBy(() -> jdbc.update("delete from audit_chain_head"))
        .rootCause()
        .hasMessageContaining("permission denied for table audit_chain_head");
    assertThatThrownBy(() -> jdbc.update("update flyway_schema_history set success = true"))
        .rootCause()
        .hasMessageContaining("permission denied for table flyway_schema_history");
    assertThatThrownBy(() -> jdbc.execute("create table audit_entry_copy (id int)"))
        .rootCause()
        .hasMessageContaining("permission denied for schema");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'mallory'", Integer.class))
        .isZero();
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void migrationLinksTheRowsWrittenBeforeTheChainAndGrantsTheAppsRole() throws Exception {
    String schema = "audit_backfill_" + System.currentTimeMillis();
    var asOwner =
        new DriverManagerDataSource(
            TestPostgres.url(), TestPostgres.ownerUser(), TestPostgres.ownerPassword());
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(asOwner)
              .schemas(schema)
              .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
              .placeholders(java.util.Map.of("app_role", TestPostgres.user()))
              .javaMigrations(new AuditChainBackfill())
              .target("20")
              .load();
      flyway.migrate();
      var db = new JdbcTemplate(asOwner);
      for (int i = 0; i < 2500; i++) {
        db.update(
            "insert into "
                + schema
                + ".audit_entry (occurred_at, actor, action, dataset_id, sample_id,"
                + " sample_index, old_label, new_label, old_status, new_status, score, run_id)"
                + " values (?, ?, 'CORRECT', 1, ?, ?, 0, 1, 'OPEN', 'CORRECTED', ?, ?)",
            OffsetDateTime.parse("2025-01-02T03:04:05.123456789Z").plusSeconds(i),
            "user" + (i % 7),
            (long) i,
            i,
            i % 3 == 0 ? null : i / 3.0,
            i % 2 == 0 ? null : (long) i);
      }
      Flyway.configure()
          .dataSource(asOwner)
          .schemas(schema)
          .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
          .placeholders(java.util.Map.of("app_role", TestPostgres.user()))
          .javaMigrations(new AuditChainBackfill())
          .load()
          .migrate();

      // verified as the application's role, which the migration granted the new schema
      String url =
          TestPostgres.url()
              + (TestPostgres.url().contains("?") ? "&" : "?")
              + "currentSchema="
              + schema;
      var asApp = new DriverManagerDataSource(url, TestPostgres.user(), TestPostgres.password());
      AuditChainReport report = new AuditChainVerifier(asApp).verify();
      assertThat(report.intact()).as(report.problem()).isTrue();
      assertThat(report.entries()).isEqualTo(2500);
      var app = new JdbcTemplate(asApp);
      assertThat(app.queryForObject("select last_hash from audit_chain_head", String.class))
          .isEqualTo(report.lastHash());
      // the trigger is back on for the owner, and the app's role may not update at all
      assertThatThrownBy(() -> db.update("update " + schema + ".audit_entry set actor = 'x'"))
          .rootCause()
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> app.update("update audit_entry set actor = 'x'"))
          .rootCause()
          .hasMessageContaining("permission denied for table audit_entry");
    } finally {
      new JdbcTemplate(asOwner).execute("drop schema if exists " + schema + " cascade");
    }
  }
}

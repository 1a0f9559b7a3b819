package com.relabel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit hash chain on the embedded H2 database (one user, which owns everything). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.datasource.url=" + H2AuditChainTest.URL,
      "relabel.jobs.poll-interval=200ms"
    })
class H2AuditChainTest extends AuditChainFlowTest {

  static final String URL = "jdbc:h2:mem:audit-chain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

  @Override
  void asOwner(String sql, Object... args) {
    jdbc.update(sql, args);
  }

  @Override
  List<String> databaseOptions() {
    return List.of("--spring.datasource.url=" + URL, "--spring.datasource.username=sa");
  }

  @Test
  void migrationLinksTheRowsWrittenBeforeTheChain() throws Exception {
    var old = new JdbcDataSource();
    old.setURL("jdbc:h2:mem:audit-backfill;DB_CLOSE_DELAY=-1");
    old.setUser("sa");
    Flyway flyway =
        Flyway.configure()
            .dataSource(old)
            .locations("classpath:db/migration/common", "classpath:db/migration/h2")
            .javaMigrations(new AuditChainBackfill())
            .target("20")
            .load();
    flyway.migrate();
    var db = new JdbcTemplate(old);
    for (int i = 0; i < 2500; i++) {
      db.update(
          "insert into audit_entry (occurred_at, actor, action, dataset_id, sample_id,"
              + " sample_index, old_label, new_label, old_status, new_status, score, run_id)"
              + " values (?, ?, 'CORRECT', 1, ?, ?, 0, 1, 'OPEN', 'CORRECTED', ?, ?)",
          OffsetDateTime.parse("2025-01-02T03:04:05.123456789Z").plusSeconds(i),
          "user" + (i % 7),
          i,
          i,
          i % 3 == 0 ? null : i / 3.0,
          i % 2 == 0 ? null : (long) i);
    }
    Flyway.configure()
        .dataSource(old)
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .javaMigrations(new AuditChainBackfill())
        .load()
        .migrate();

    AuditChainReport report = new AuditChainVerifier(old).verify();
    assertThat(report.intact()).as(report.problem()).isTrue();
    assertThat(report.entries()).isEqualTo(2500);
    assertThat(db.queryForObject("select last_hash from audit_chain_head", String.class))
        .isEqualTo(report.lastHash());
    // from now on a row without its hashes is refused
    assertThatThrownBy(
            () ->
                db.update(
                    "insert into audit_entry (occurred_at, actor, action, dataset_id, sample_id,"
                        + " sample_index, old_label, new_label, old_status, new_status)"
                        + " values (current_timestamp, 'x', 'CONFIRM', 1, 1, 1, 0, 0, 'OPEN',"
                        + " 'CONFIRMED')"))
        .hasMessageContaining("NULL");
  }
}

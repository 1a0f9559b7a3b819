package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The review flow on a real PostgreSQL, started by {@code ./relabel test} on 127.0.0.1 and passed
 * in as {@code relabel.test.postgres.url}. Without it this test fails: it must never be silently
 * skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "relabel.jobs.poll-interval=200ms")
class PostgresReviewFlowTest extends ReviewFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Test
  void theDatabaseItselfRefusesToChangeOrDeleteAuditRows() {
    jdbc.update(
        "insert into audit_entry (occurred_at, actor, action, dataset_id, sample_id, sample_index,"
            + " old_label, new_label, old_status, new_status) values (current_timestamp, 'x',"
            + " 'CONFIRM', ?, 0, 0, 1, 1, 'OPEN', 'CONFIRMED')",
        dataset.getId());
    assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
        .hasMessageContaining("append-only");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'mallory'", Integer.class))
        .isZero();
  }
}

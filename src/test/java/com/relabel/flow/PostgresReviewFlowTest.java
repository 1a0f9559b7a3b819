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

  /**
   * The suite runs as the application's role of the README's two (decision 0027), which has no
   * right to change audit rows at all; {@code PostgresAuditChainTest} shows that the append-only
   * trigger still refuses the tables' owner.
   */
  @Test
  void theDatabaseItselfRefusesToChangeOrDeleteAuditRows() {
    assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory'"))
        .rootCause()
        .hasMessageContaining("permission denied for table audit_entry");
    assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
        .rootCause()
        .hasMessageContaining("permission denied for table audit_entry");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'mallory'", Integer.class))
        .isZero();
  }
}

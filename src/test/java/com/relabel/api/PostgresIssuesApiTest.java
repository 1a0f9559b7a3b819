package com.relabel.api;

import com.relabel.flow.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Near-duplicates and outliers over the REST API on a real PostgreSQL ({@code ./relabel test}
 * starts it): the issue filter's SQL and the counts run on both databases. Without it this test
 * fails: it must never be silently skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"relabel.jobs.poll-interval=200ms", "relabel.security.active-check-period=0s"})
class PostgresIssuesApiTest extends IssuesApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

package com.relabel.api;

import com.relabel.flow.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reviewing over the REST API on a real PostgreSQL ({@code ./relabel test} starts it): above all
 * the race of two reviewers on one sample, decided by PostgreSQL's row locks. Without it this test
 * fails: it must never be silently skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"relabel.jobs.poll-interval=200ms", "relabel.security.active-check-period=0s"})
class PostgresReviewApiTest extends ReviewApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

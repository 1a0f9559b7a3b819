package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several reviewers at once on a real PostgreSQL ({@code relabel.test.postgres.url}, started by
 * {@code ./relabel test}); fails without it, never skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "relabel.jobs.poll-interval=200ms")
class PostgresConcurrentReviewTest extends ConcurrentReviewTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

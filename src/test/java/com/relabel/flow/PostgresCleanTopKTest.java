package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clean top K on a real PostgreSQL ({@code relabel.test.postgres.url}, started by {@code ./relabel
 * test}); fails without it, never skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s",
      "relabel.review.bulk-chunk=2"
    })
class PostgresCleanTopKTest extends CleanTopKTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The queue grid on a real PostgreSQL ({@code relabel.test.postgres.url}, as for {@link
 * PostgresReviewFlowTest}). Without it this test fails: it must never be silently skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "relabel.review.bulk-chunk=7")
class PostgresQueueGridFlowTest extends QueueGridFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

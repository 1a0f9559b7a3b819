package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample insights on a real PostgreSQL (byte-range reads of run arrays, date grouping), passed
 * in as {@code relabel.test.postgres.url} like {@link PostgresReviewFlowTest}; fails without it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "relabel.jobs.poll-interval=200ms")
class PostgresSampleInsightsFlowTest extends SampleInsightsFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresReviewFlowTest.postgres(registry);
  }
}

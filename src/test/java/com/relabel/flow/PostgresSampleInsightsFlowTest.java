package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample insights on a real PostgreSQL (date grouping; run arrays read a row at a time as byte
 * ranges, as for a dataset too large to cache), passed in as {@code relabel.test.postgres.url} like
 * {@link PostgresReviewFlowTest}; fails without it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"relabel.jobs.poll-interval=200ms", "relabel.review.cached-array-bytes=0"})
class PostgresSampleInsightsFlowTest extends SampleInsightsFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

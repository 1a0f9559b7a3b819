package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The AUM threshold pass's run on a real PostgreSQL (V13's columns), passed in as {@code
 * relabel.test.postgres.url} like {@link PostgresSampleInsightsFlowTest}; fails without it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"relabel.jobs.poll-interval=200ms", "relabel.review.cached-array-bytes=0"})
class PostgresAumThresholdFlowTest extends AumThresholdFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

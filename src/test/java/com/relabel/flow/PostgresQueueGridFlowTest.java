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
    String url = System.getProperty("relabel.test.postgres.url", "");
    if (url.isBlank()) {
      throw new IllegalStateException(
          "relabel.test.postgres.url is not set: run the suite with ./relabel test, which starts"
              + " PostgreSQL on 127.0.0.1");
    }
    registry.add("spring.datasource.url", () -> url);
    registry.add(
        "spring.datasource.username", () -> System.getProperty("relabel.test.postgres.user"));
    registry.add(
        "spring.datasource.password", () -> System.getProperty("relabel.test.postgres.password"));
  }
}

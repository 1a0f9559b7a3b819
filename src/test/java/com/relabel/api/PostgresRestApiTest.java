package com.relabel.api;

import com.relabel.flow.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST API on a real PostgreSQL ({@code ./relabel test} starts it). Without it this test fails:
 * it must never be silently skipped.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s",
      "spring.servlet.multipart.max-file-size=2MB"
    })
class PostgresRestApiTest extends RestApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

package com.relabel.training;

import com.relabel.flow.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The run comparison and chart figures on a real PostgreSQL ({@code relabel.test.postgres.url}, as
 * started by {@code ./relabel test}); fails without it, never skipped.
 */
@SpringBootTest
class PostgresRunComparisonsTest extends RunComparisonsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The text import and a run on it, on a real PostgreSQL ({@code relabel.test.postgres.url}). */
@SpringBootTest(properties = "relabel.jobs.poll-interval=200ms")
class PostgresTextImportTest extends TextImportTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

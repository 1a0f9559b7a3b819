package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A feature table imported, trained on, reviewed and exported, on a real PostgreSQL. */
@SpringBootTest(properties = "relabel.jobs.poll-interval=200ms")
class PostgresTableImportTest extends TableImportTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Colour photos at 128x128 kept in colour, on a real PostgreSQL. */
@SpringBootTest(properties = "relabel.jobs.poll-interval=200ms")
class PostgresColourImageImportTest extends ColourImageImportTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

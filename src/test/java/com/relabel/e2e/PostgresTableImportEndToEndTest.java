package com.relabel.e2e;

import com.relabel.flow.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A feature table imported in the browser and reviewed, on a real PostgreSQL. */
@DemoAppSettings
class PostgresTableImportEndToEndTest extends TableImportEndToEndTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

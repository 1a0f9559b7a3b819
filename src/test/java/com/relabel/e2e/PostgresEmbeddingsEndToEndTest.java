package com.relabel.e2e;

import com.relabel.flow.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Own embeddings attached in the browser, on a real PostgreSQL. */
@DemoAppSettings
class PostgresEmbeddingsEndToEndTest extends EmbeddingsEndToEndTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

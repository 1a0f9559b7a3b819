package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Own embeddings attached and trained on, on a real PostgreSQL. */
@SpringBootTest(properties = "relabel.jobs.poll-interval=200ms")
class PostgresEmbeddingsImportTest extends EmbeddingsImportTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

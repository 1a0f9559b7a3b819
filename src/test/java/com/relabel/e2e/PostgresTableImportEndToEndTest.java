package com.relabel.e2e;

import com.relabel.flow.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A feature table imported in the browser and reviewed, on a real PostgreSQL. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.demo.sample-limit=300",
      "relabel.training.epochs=2",
      "relabel.training.folds=2",
      "relabel.jobs.poll-interval=200ms",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
class PostgresTableImportEndToEndTest extends TableImportEndToEndTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

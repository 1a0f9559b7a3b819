package com.relabel.e2e;

import com.relabel.flow.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A text dataset imported, trained and reviewed in Chromium, on a real PostgreSQL (issue 15). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.demo.sample-limit=100",
      "relabel.training.epochs=1",
      "relabel.training.folds=0",
      "relabel.jobs.poll-interval=200ms",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
class PostgresTextReviewEndToEndTest extends TextReviewEndToEndTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

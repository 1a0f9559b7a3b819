package com.relabel.api;

import com.relabel.flow.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST API's refusals on a real PostgreSQL, where a NUL character in a text once failed with a
 * 500 (H2 stored it): the same problems as on H2.
 */
class PostgresApiFaultsTest extends ApiFaultsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }
}

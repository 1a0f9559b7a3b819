package com.relabel.api;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context of the tests of an admin's imports over real HTTP ({@link
 * TablesApiTest}, {@link EmbeddingsApiTest}): they run in it together.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:embeddings-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.active-check-period=0s"
    })
abstract class ImportApiTest extends ApiServerTest {}

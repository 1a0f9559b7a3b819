package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;

/** The queue grid on the embedded H2 database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:grid;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.review.bulk-chunk=7"
    })
class H2QueueGridFlowTest extends QueueGridFlowTest {}

package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;

/** The review flow on the embedded H2 database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class H2ReviewFlowTest extends ReviewFlowTest {}

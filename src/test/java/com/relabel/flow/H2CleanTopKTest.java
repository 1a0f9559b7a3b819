package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;

/** Clean top K on the embedded H2 database (the same application as the consensus test). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:consensus;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s",
      "relabel.review.bulk-chunk=2"
    })
class H2CleanTopKTest extends CleanTopKTest {}

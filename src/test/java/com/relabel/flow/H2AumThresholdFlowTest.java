package com.relabel.flow;

import org.springframework.boot.test.context.SpringBootTest;

/** The AUM threshold pass's run on H2 (same context as {@link H2SampleInsightsFlowTest}). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class H2AumThresholdFlowTest extends AumThresholdFlowTest {}

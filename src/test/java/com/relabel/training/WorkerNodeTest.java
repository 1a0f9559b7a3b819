package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.RelabelApplication;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.engine.DeviceChoice;
import com.relabel.flow.TestDatasets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code worker} profile: a node without a web server that still executes training jobs. */
class WorkerNodeTest {

  @Test
  void aWorkerNodeServesNoWebButExecutesQueuedRuns() throws Exception {
    try (ConfigurableApplicationContext worker =
        new SpringApplicationBuilder(RelabelApplication.class)
            .profiles("worker")
            .run(
                "--spring.datasource.url=jdbc:h2:mem:worker;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "--relabel.jobs.poll-interval=200ms",
                "--relabel.jobs.node-name=gpu-worker-1")) {
      assertThat(((WebServerApplicationContext) worker).getWebServer().getPort())
          .as("no HTTP port is open")
          .isEqualTo(-1);

      Dataset dataset =
          worker
              .getBean(DatasetImporter.class)
              .importImages("worker", TestDatasets.mnist(120), null, null, "test");
      TrainingRuns runs = worker.getBean(TrainingRuns.class);
      long runId =
          runs.enqueue(
                  dataset.getId(),
                  RunSettings.builder()
                      .epochs(1)
                      .batchSize(32)
                      .seed(1)
                      .device(DeviceChoice.CPU)
                      .build(),
                  "test")
              .getId();
      TrainingRun run =
          RunWaits.until(runs, runId, r -> !r.getStatus().isActive(), Duration.ofMinutes(2));

      assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(run.getExecutedBy()).isEqualTo("gpu-worker-1");
      assertThat(run.getDeviceUsed()).isEqualTo("cpu");
    }
  }
}

package com.relabel.api;

import static com.relabel.api.ApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.SyntheticTable;
import com.relabel.security.ApiTokens;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import com.relabel.training.TrainingRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

/**
 * A run of a small table over the API, with the minimum-steps rule on (decision 0050): the run
 * shows the epochs and batch it trained with and, beside them, the ones asked for (decision 0051);
 * a retrain from the run's settings starts from what was asked.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:run-steps-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.active-check-period=0s",
      "relabel.jobs.poll-interval=200ms",
      "relabel.training.min-steps=60"
    })
class RunStepsApiTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired SecurityContextHolderStrategy contexts;
  @Autowired TrainingRuns runs;
  @TempDir Path dir;

  @Test
  void aRunShowsTheEpochsAndBatchAskedBesideThoseItTrained() throws Exception {
    TestAccounts users = new TestAccounts(accounts, tokens, contexts);
    var fixtures = new ApiFixtures(port, users, dir);
    ApiClient admin = fixtures.admin();
    Path table = SyntheticTable.generate(100, 0.1, 3).write(dir.resolve("small.csv"));
    long datasetId =
        json(
                admin.postForm(
                    "/api/v1/datasets/table",
                    "name",
                    ApiFixtures.unique("steps"),
                    "file",
                    table,
                    "idColumn",
                    "id"),
                201)
            .get("id")
            .asLong();

    JsonNode queued =
        json(
            admin.postJson(
                "/api/v1/datasets/" + datasetId + "/runs",
                "{\"epochs\":2,\"batchSize\":64,\"folds\":0,\"seed\":7,\"device\":\"cpu\"}"),
            202);
    long runId = queued.get("id").asLong();
    JsonNode done = finished(admin, runId);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    // 100 rows at batch 32 are 4 steps an epoch: 60 steps take 15 epochs instead of 2 of batch 64
    assertThat(done.get("epochs").asInt()).isEqualTo(15);
    assertThat(done.get("batchSize").asInt()).isEqualTo(32);
    assertThat(done.get("epochsAsked").asInt()).isEqualTo(2);
    assertThat(done.get("batchSizeAsked").asInt()).isEqualTo(64);
    var settings =
        users
            .asAdmin(
                () -> runs.history(datasetId).stream().filter(r -> r.getId() == runId).findFirst())
            .orElseThrow()
            .settings();
    assertThat(settings.epochs()).as("a retrain starts from what was asked").isEqualTo(2);
    assertThat(settings.batchSize()).isEqualTo(64);
  }

  private static JsonNode finished(ApiClient admin, long runId) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(240));
    while (true) {
      JsonNode run = json(admin.get("/api/v1/runs/" + runId), 200);
      String status = run.get("status").asString();
      if (!status.equals("QUEUED") && !status.equals("RUNNING") || Instant.now().isAfter(until)) {
        return run;
      }
      Thread.sleep(200);
    }
  }
}

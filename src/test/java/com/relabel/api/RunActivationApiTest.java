package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.IdxWriter;
import com.relabel.flow.TestDatasets;
import com.relabel.security.Role;
import com.relabel.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/runs/{id}/activate} over real HTTP (decision 0026): an admin's token makes a
 * succeeded run rank the queue, an annotator's is refused with 403, and what cannot be activated
 * answers with problem details.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:activateapi;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.active-check-period=0s"
    })
class RunActivationApiTest extends ApiServerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestAccounts users;

  @BeforeEach
  void fixtures() {
    users = testAccounts();
  }

  @AfterEach
  void logout() {
    users.logout();
  }

  @Test
  void anAdminActivatesAFinishedRunAndAnAnnotatorIsRefused() throws Exception {
    var admin = new ApiClient(port, users.tokenOf("activator", Role.ADMIN));
    var annotator = new ApiClient(port, users.tokenOf("looker", Role.ANNOTATOR));
    Path images = dir.resolve("images.idx");
    Path labels = dir.resolve("labels.idx");
    int[] given = TestDatasets.mnist(100).labels();
    IdxWriter.write(TestDatasets.mnist(100), images, labels);
    long datasetId =
        JSON.readTree(
                admin
                    .postForm(
                        "/api/v1/datasets/idx",
                        "name",
                        "activate",
                        "images",
                        images,
                        "labels",
                        labels)
                    .body())
            .get("id")
            .asLong();
    Path predictions = Files.write(dir.resolve("p.csv"), predictionsCsv(given));
    // two imported runs: neither held samples out, no corrections since: the second takes over
    long first = importRun(admin, datasetId, predictions);
    long second = importRun(admin, datasetId, predictions);
    JsonNode before = JSON.readTree(admin.get("/api/v1/runs/" + first).body());
    assertThat(before.get("active").asBoolean()).isFalse();
    assertThat(before.get("heldBackReason").isNull()).isTrue();
    assertThat(JSON.readTree(admin.get("/api/v1/runs/" + second).body()).get("active").asBoolean())
        .isTrue();

    var refused = annotator.postJson("/api/v1/runs/" + first + "/activate", "");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().getContentType().toString()).contains("problem+json");
    assertThat(activeRun(datasetId)).isEqualTo(second);

    var activated = admin.postJson("/api/v1/runs/" + first + "/activate", "");
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    JsonNode run = JSON.readTree(activated.body());
    assertThat(run.get("id").asLong()).isEqualTo(first);
    assertThat(run.get("active").asBoolean()).isTrue();
    assertThat(activeRun(datasetId)).isEqualTo(first);
    assertThat(
            jdbc.queryForObject(
                "select activated_by from run_activation where run_id = ?", String.class, first))
        .isEqualTo("activator");
    JsonNode history = JSON.readTree(admin.get("/api/v1/datasets/" + datasetId + "/runs").body());
    assertThat(history.get(0).get("id").asLong()).isEqualTo(second);
    assertThat(history.get(0).get("active").asBoolean()).isFalse();
    assertThat(history.get(1).get("active").asBoolean()).isTrue();

    var again = admin.postJson("/api/v1/runs/" + first + "/activate", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.headers().getContentType().toString()).contains("problem+json");
    assertThat(again.body()).contains("already ranks the queue");
    var unknown = admin.postJson("/api/v1/runs/999999/activate", "");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no run 999999");
    var description = new ApiClient(port, null).get("/api/openapi.json");
    assertThat(description.body())
        .contains("/api/v1/runs/{runId}/activate")
        .contains("heldBackReason");
  }

  private long importRun(ApiClient api, long datasetId, Path predictions) {
    var reply = api.postForm("/api/v1/datasets/" + datasetId + "/predictions", "file", predictions);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return JSON.readTree(reply.body()).get("id").asLong();
  }

  private long activeRun(long datasetId) {
    return jdbc.queryForObject(
        "select active_run_id from dataset where id = ?", Long.class, datasetId);
  }

  /** A confident model that agrees with every given label. */
  private static List<String> predictionsCsv(int[] labels) {
    List<String> lines = new ArrayList<>();
    lines.add("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int i = 0; i < labels.length; i++) {
      StringBuilder row = new StringBuilder().append(i);
      for (int k = 0; k < 10; k++) {
        row.append(k == labels[i] ? ",0.91" : ",0.01");
      }
      lines.add(row.toString());
    }
    return lines;
  }
}

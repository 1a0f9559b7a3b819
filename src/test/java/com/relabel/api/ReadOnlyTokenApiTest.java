package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.IdxWriter;
import com.relabel.flow.TestDatasets;
import com.relabel.security.ApiTokenInfo;
import com.relabel.security.ApiTokenScope;
import com.relabel.security.Role;
import com.relabel.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only API tokens (decision 0032), over real HTTP: such a token reads what its owner may read,
 * and every other method is refused by the API's filter chain with 403 problem+json before any
 * controller runs, so nothing changes; a full token of the same admin still changes things, and a
 * read-only token never widens its owner's role.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:readonly-tokens;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s"
    })
class ReadOnlyTokenApiTest extends ApiServerTest {

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
  void anAdminsReadOnlyTokenReadsEverythingButChangesNothingWhileAFullTokenStillCan()
      throws Exception {
    users.asAdmin(() -> accounts.create("ops", "password-ops", Role.ADMIN));
    users.login("ops", "ADMIN");
    String fullToken = tokens.create("ops full", ApiTokenScope.FULL).token();
    String readToken = tokens.create("ops dashboards", ApiTokenScope.READ_ONLY).token();
    assertThatThrownBy(() -> tokens.create("no scope", null))
        .isInstanceOf(IllegalArgumentException.class);
    users.logout();
    var full = new ApiClient(port, fullToken);
    var reader = new ApiClient(port, readToken);

    Path images = dir.resolve("images.idx");
    Path labels = dir.resolve("labels.idx");
    int[] given = TestDatasets.mnist(60).labels();
    IdxWriter.write(TestDatasets.mnist(60), images, labels);
    var imported =
        full.postForm("/api/v1/datasets/idx", "name", "ro", "images", images, "labels", labels);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    long datasetId = JSON.readTree(imported.body()).get("id").asLong();
    Path predictions = Files.write(dir.resolve("model.csv"), predictionsCsv(given));
    var scored =
        full.postForm("/api/v1/datasets/" + datasetId + "/predictions", "file", predictions);
    assertThat(scored.status()).as(scored.body()).isEqualTo(201);
    long runId = JSON.readTree(scored.body()).get("id").asLong();

    // reads: datasets, runs, the queue's scores, exports and the audit trail
    String d = "/api/v1/datasets/" + datasetId;
    for (String path :
        List.of(
            "/api/v1/datasets",
            d,
            d + "/runs",
            "/api/v1/runs/" + runId,
            d + "/scores",
            d + "/labels?format=jsonl",
            d + "/labels?format=source",
            "/api/v1/audit")) {
      var read = reader.get(path);
      assertThat(read.status()).as("GET %s: %s", path, read.body()).isEqualTo(200);
    }
    assertThat(JSON.readTree(reader.get(d).body()).get("samples").asLong()).isEqualTo(60);
    assertThat(send(readToken, HttpMethod.HEAD, d, null).status()).isEqualTo(200);

    List<Long> before = counts();
    List<ApiClient.Reply> refused = new ArrayList<>();
    refused.add(
        reader.postJson(d + "/runs", "{\"epochs\":1,\"model\":\"mlp\",\"device\":\"cpu\"}"));
    refused.add(
        reader.postForm("/api/v1/datasets/idx", "name", "x", "images", images, "labels", labels));
    Path texts = Files.writeString(dir.resolve("texts.csv"), "text,label\nhello,a\nworld,b\n");
    refused.add(reader.postForm("/api/v1/datasets/text", "name", "t", "file", texts));
    refused.add(reader.postForm(d + "/predictions", "file", predictions));
    refused.add(reader.postJson("/api/v1/runs/" + runId + "/cancel", ""));
    refused.add(reader.postJson("/api/v1/runs/" + runId + "/activate", ""));
    refused.add(send(readToken, HttpMethod.DELETE, d, null));
    refused.add(send(readToken, HttpMethod.PUT, d, "{\"name\":\"renamed\"}"));
    refused.add(send(readToken, HttpMethod.PATCH, "/api/v1/runs/" + runId, "{}"));
    refused.add(send(readToken, HttpMethod.OPTIONS, d, null));
    refused.add(reader.postJson("/api/v1/no-such-endpoint", "{}"));
    for (var reply : refused) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.headers().getContentType())
          .hasToString("application/problem+json;charset=UTF-8");
      JsonNode problem = JSON.readTree(reply.body());
      assertThat(problem.get("status").asInt()).isEqualTo(403);
      assertThat(problem.get("detail").asString()).startsWith("this token is read-only");
    }
    assertThat(counts()).as("datasets, runs, audit rows, samples decided").isEqualTo(before);
    assertThat(
            jdbc.queryForObject("select name from dataset where id = ?", String.class, datasetId))
        .isEqualTo("ro");

    // the same admin's full token still changes things; the one DELETE no endpoint takes is a 405
    var started =
        full.postJson(
            d + "/runs", "{\"epochs\":1,\"folds\":0,\"model\":\"mlp\",\"device\":\"cpu\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long startedId = JSON.readTree(started.body()).get("id").asLong();
    assertThat(full.postJson("/api/v1/runs/" + startedId + "/cancel", "").status())
        .isBetween(200, 202);
    assertThat(send(fullToken, HttpMethod.DELETE, d, null).status()).isEqualTo(405);
    var another = full.postForm("/api/v1/datasets/text", "name", "t", "file", texts);
    assertThat(another.status()).as(another.body()).isEqualTo(201);
    assertThat(counts().get(0)).isEqualTo(before.get(0) + 1);
    assertThat(counts().get(1)).isEqualTo(before.get(1) + 1);

    List<ApiTokenInfo> listed = users.asAdmin(() -> tokens.all());
    assertThat(listed)
        .filteredOn(t -> t.owner().equals("ops"))
        .extracting(ApiTokenInfo::name, ApiTokenInfo::scope)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ops dashboards", ApiTokenScope.READ_ONLY),
            org.assertj.core.groups.Tuple.tuple("ops full", ApiTokenScope.FULL));
  }

  @Test
  void anAnnotatorsReadOnlyTokenStaysWithinTheAnnotatorsRights() {
    // another admin, so that anna is not the last one and may be demoted
    users.asAdmin(() -> accounts.create("keeper", "password-keeper", Role.ADMIN));
    users.asAdmin(() -> accounts.create("anna", "password-anna", Role.ADMIN));
    users.login("anna", "ADMIN");
    String token = tokens.create("anna's reader", ApiTokenScope.READ_ONLY).token();
    users.logout();
    long id =
        users.asAdmin(() -> accounts.all()).stream()
            .filter(u -> u.getUsername().equals("anna"))
            .findFirst()
            .orElseThrow()
            .getId();
    users.asAdmin(() -> accounts.changeRole(id, Role.ANNOTATOR));
    var api = new ApiClient(port, token);

    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);
    for (String path :
        List.of("/api/v1/datasets/1/labels", "/api/v1/datasets/1/scores", "/api/v1/audit")) {
      var refused = api.get(path);
      assertThat(refused.status()).as("GET %s", path).isEqualTo(403);
      assertThat(refused.body()).contains("the token's owner may not do this");
    }
    var start = api.postJson("/api/v1/datasets/1/runs", "{}");
    assertThat(start.status()).isEqualTo(403);
    assertThat(start.body()).contains("this token is read-only");
  }

  /** Datasets, training runs, audit rows and decided samples: what a write would change. */
  private List<Long> counts() {
    return List.of(
        jdbc.queryForObject("select count(*) from dataset", Long.class),
        jdbc.queryForObject("select count(*) from training_run", Long.class),
        jdbc.queryForObject("select count(*) from audit_entry", Long.class),
        jdbc.queryForObject("select count(*) from sample where status <> 'OPEN'", Long.class));
  }

  /** Any method, with an optional JSON body. */
  private ApiClient.Reply send(String token, HttpMethod method, String path, String json) {
    var request =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .build()
            .method(method)
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    if (json != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.exchange(
        (req, res) ->
            new ApiClient.Reply(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
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

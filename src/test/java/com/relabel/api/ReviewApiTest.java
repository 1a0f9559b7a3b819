package com.relabel.api;

import static com.relabel.api.ApiFixtures.JSON;
import static com.relabel.api.ApiFixtures.json;
import static com.relabel.api.ApiFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.flow.TestDatasets;
import com.relabel.review.ReviewPolicies;
import com.relabel.security.ApiTokens;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

/**
 * Reviewing over the REST API (decision 0034), over real HTTP and a real database: each decision is
 * recorded once with one audit row, two reviewers racing on one sample get one 200 and one 409, a
 * stale version is refused, the undo rule is the review view's, consensus votes count, a read-only
 * token may not lease or decide, accounts and tokens are the admins', and bad input names its
 * field.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:review-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s"
    })
class ReviewApiTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired ReviewPolicies policies;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  private TestAccounts users;
  private ApiFixtures fixtures;

  @BeforeEach
  void fixtures() {
    users = new TestAccounts(accounts, tokens, securityContexts);
    fixtures = new ApiFixtures(port, users, dir);
  }

  @AfterEach
  void logout() {
    users.logout();
  }

  @Test
  void eachActionIsRecordedOnceAndUndoTakesBackOnlyYourLastDecision() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin, 40);
    String anneName = unique("anne");
    var anne = annotator(admin, anneName);
    String review = "/api/v1/datasets/" + ds + "/review/";

    JsonNode first = json(anne.get(review + "next"), 200);
    int s1 = first.get("sample").asInt();
    assertThat(first.get("givenLabel").asInt()).isEqualTo(labelOf(ds, s1));
    assertThat(Instant.parse(first.get("leaseExpiresAt").asString())).isAfter(Instant.now());
    assertThat(
            jdbc.queryForObject(
                "select l.leased_by from sample_lease l join sample s on s.id = l.sample_id"
                    + " where s.dataset_id = ? and s.sample_index = ?",
                String.class,
                ds,
                s1))
        .isEqualTo(anneName);

    JsonNode confirmed = json(decide(anne, ds, s1, "confirm", null, version(first)), 200);
    assertThat(confirmed.get("action").asString()).isEqualTo("confirm");
    assertThat(confirmed.get("outcome").asString()).isEqualTo("decided");
    assertThat(confirmed.get("status").asString()).isEqualTo("confirmed");
    assertThat(confirmed.get("labelFinal").asBoolean()).isTrue();
    assertThat(audit(ds, s1)).containsExactly("CONFIRM " + anneName);
    var again = decide(anne, ds, s1, "confirm", null, version(first));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(JSON.readTree(again.body()).get("detail").asString())
        .contains("Sample #" + s1 + " was already decided by you");

    JsonNode second = json(anne.get(review + "next"), 200);
    int s2 = second.get("sample").asInt();
    assertThat(s2).isNotEqualTo(s1);
    int right = (second.get("givenLabel").asInt() + 1) % 10;
    JsonNode corrected = json(decide(anne, ds, s2, "correct", right, version(second)), 200);
    assertThat(corrected.get("status").asString()).isEqualTo("corrected");
    assertThat(corrected.get("label").asInt()).isEqualTo(right);
    assertThat(labelOf(ds, s2)).isEqualTo(right);
    assertThat(audit(ds, s2)).containsExactly("CORRECT " + anneName);

    // skip: nothing recorded, the lease is given up, and next leaves the skipped sample out
    JsonNode third = json(anne.get(review + "next"), 200);
    int s3 = third.get("sample").asInt();
    JsonNode skipped = json(decide(anne, ds, s3, "skip", null, null), 200);
    assertThat(skipped.get("outcome").asString()).isEqualTo("skipped");
    assertThat(audit(ds, s3)).isEmpty();
    assertThat(leaseRows(ds, s3)).isZero();
    JsonNode fourth = json(anne.get(review + "next?skipped=" + s3), 200);
    int s4 = fourth.get("sample").asInt();
    assertThat(s4).isNotIn(s1, s2, s3);
    JsonNode excluded = json(decide(anne, ds, s4, "exclude", null, version(fourth)), 200);
    assertThat(excluded.get("status").asString()).isEqualTo("excluded");

    // undo: only the last decision, once, and a stale version is refused afterwards
    var notLast = undo(anne, ds, s2, corrected.get("version").asLong());
    assertThat(notLast.status()).isEqualTo(409);
    assertThat(notLast.body()).contains("Only your last decision can be undone").contains("#" + s4);
    JsonNode undone = json(undo(anne, ds, s4, excluded.get("version").asLong()), 200);
    assertThat(undone.get("status").asString()).isEqualTo("open");
    assertThat(audit(ds, s4)).containsExactly("EXCLUDE " + anneName, "UNDO " + anneName);
    assertThat(undo(anne, ds, s4, undone.get("version").asLong()).status()).isEqualTo(409);
    var stale = decide(anne, ds, s4, "confirm", null, version(fourth));
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
    assertThat(json(decide(anne, ds, s4, "confirm", null, version(undone)), 200).get("status"))
        .hasToString("\"confirmed\"");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where dataset_id = ?", Long.class, ds))
        .as("confirm, correct, exclude, undo, confirm")
        .isEqualTo(5);
  }

  @Test
  void twoReviewersRacingOnOneSampleGetOne200AndOne409() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin, 30);
    var anne = annotator(admin, unique("anne"));
    var bob = annotator(admin, unique("bob"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        JsonNode shown = json(anne.get("/api/v1/datasets/" + ds + "/review/next"), 200);
        int sample = shown.get("sample").asInt();
        long version = version(shown);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> racers = new ArrayList<>();
        for (var reviewer : List.of(anne, bob)) {
          racers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return decide(reviewer, ds, sample, "exclude", null, version).status();
                  }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var racer : racers) {
          statuses.add(racer.get());
        }
        assertThat(statuses).as("round %d, sample #%d", round, sample).containsOnly(200, 409);
        assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
        assertThat(audit(ds, sample)).as("round %d", round).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void consensusVotesAreCountedAndTheLastAgreeingVoteMakesTheLabelFinal() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin, 20);
    users.asAdmin(() -> policies.setRequiredReviews(ds, 2));
    String anneName = unique("anne");
    String bobName = unique("bob");
    var anne = annotator(admin, anneName);
    var bob = annotator(admin, bobName);
    String next = "/api/v1/datasets/" + ds + "/review/next";

    JsonNode shown = json(anne.get(next), 200);
    int sample = shown.get("sample").asInt();
    JsonNode vote = json(decide(anne, ds, sample, "confirm", null, version(shown)), 200);
    assertThat(vote.get("outcome").asString()).isEqualTo("voted");
    assertThat(vote.get("labelFinal").asBoolean()).isFalse();
    assertThat(vote.get("votes").asInt()).isEqualTo(1);
    assertThat(vote.get("required").asInt()).isEqualTo(2);

    JsonNode bobs = json(bob.get(next), 200);
    assertThat(bobs.get("sample").asInt()).isEqualTo(sample);
    JsonNode agreed = json(decide(bob, ds, sample, "confirm", null, version(bobs)), 200);
    assertThat(agreed.get("outcome").asString()).isEqualTo("agreed");
    assertThat(agreed.get("labelFinal").asBoolean()).isTrue();
    assertThat(audit(ds, sample))
        .containsExactly("VOTE " + anneName, "VOTE " + bobName, "CONSENSUS " + bobName);
  }

  @Test
  void aReadOnlyTokenMayNeitherLeaseNorDecideNorUndo() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin, 10);
    String anneName = unique("anne");
    annotator(admin, anneName);
    JsonNode made =
        json(
            admin.postJson(
                "/api/v1/tokens",
                "{\"name\":\"dashboard\",\"scope\":\"read-only\",\"owner\":\"" + anneName + "\"}"),
            201);
    assertThat(made.get("owner").asString()).isEqualTo(anneName);
    var reader = new ApiClient(port, made.get("token").asString());
    String review = "/api/v1/datasets/" + ds + "/review/";

    List<ApiClient.Reply> refused =
        List.of(
            reader.get(review + "next"),
            // the same path spelt with an escaped letter, which Spring MVC decodes to it
            rawGet(made.get("token").asString(), review + "%6Eext"),
            decide(reader, ds, 0, "confirm", null, 0L),
            decide(reader, ds, 0, "skip", null, null),
            undo(reader, ds, 0, 0));
    for (var reply : refused) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(JSON.readTree(reply.body()).get("detail").asString())
          .startsWith("this token is read-only");
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_lease where dataset_id = ?", Long.class, ds))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where dataset_id = ?", Long.class, ds))
        .isZero();
    assertThat(reader.get("/api/v1/datasets/" + ds).status()).isEqualTo(200);
  }

  @Test
  void accountsAndTokensAreTheAdminsAndTheirRulesHold() throws Exception {
    var admin = fixtures.admin();
    String anneName = unique("anne");
    var anne = annotator(admin, anneName);
    long users = jdbc.queryForObject("select count(*) from app_user", Long.class);
    long tokenRows = jdbc.queryForObject("select count(*) from api_token", Long.class);
    long someToken = jdbc.queryForObject("select max(id) from api_token", Long.class);

    List<ApiClient.Reply> refused =
        List.of(
            anne.get("/api/v1/users"),
            anne.postJson(
                "/api/v1/users",
                "{\"username\":\"sneaky\",\"password\":\"password-1\",\"role\":\"admin\"}"),
            anne.postJson("/api/v1/users/" + anneName + "/disable", ""),
            anne.get("/api/v1/tokens"),
            anne.postJson("/api/v1/tokens", "{\"name\":\"mine\"}"),
            send(anne, HttpMethod.DELETE, "/api/v1/tokens/" + someToken));
    for (var reply : refused) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.headers().getContentType().toString())
          .startsWith("application/problem+json");
    }
    assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(users);
    assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class))
        .isEqualTo(tokenRows);

    // an admin lists, and may not make a token that acts as another admin
    JsonNode listed = json(admin.get("/api/v1/users"), 200);
    assertThat(listed.findValuesAsString("username")).contains(anneName);
    String otherAdmin = unique("boss");
    json(
        admin.postJson(
            "/api/v1/users",
            "{\"username\":\"" + otherAdmin + "\",\"password\":\"password-1\",\"role\":\"admin\"}"),
        201);
    var impersonation =
        admin.postJson("/api/v1/tokens", "{\"name\":\"x\",\"owner\":\"" + otherAdmin + "\"}");
    assertThat(impersonation.status()).isEqualTo(400);
    assertThat(impersonation.body()).contains("an enabled annotator");

    // revoking and disabling take effect on the next request
    JsonNode second =
        json(
            admin.postJson("/api/v1/tokens", "{\"name\":\"tool\",\"owner\":\"" + anneName + "\"}"),
            201);
    var tool = new ApiClient(port, second.get("token").asString());
    assertThat(tool.get("/api/v1/datasets").status()).isEqualTo(200);
    assertThat(
            send(admin, HttpMethod.DELETE, "/api/v1/tokens/" + second.get("id").asLong()).status())
        .isEqualTo(204);
    assertThat(tool.get("/api/v1/datasets").status()).isEqualTo(401);
    assertThat(anne.get("/api/v1/datasets").status()).isEqualTo(200);
    JsonNode disabled = json(admin.postJson("/api/v1/users/" + anneName + "/disable", ""), 200);
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(anne.get("/api/v1/datasets").status()).isEqualTo(401);
  }

  @Test
  void badInputIsRefusedWithTheFieldItNames() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin, 10);
    var anne = annotator(admin, unique("anne"));
    int sample =
        json(anne.get("/api/v1/datasets/" + ds + "/review/next"), 200).get("sample").asInt();
    String decision = "/api/v1/datasets/" + ds + "/review/" + sample + "/decision";
    Map<String, String> fieldOf =
        Map.of(
            "{}", "'action'",
            "{\"action\":\"approve\",\"version\":0}", "'action'",
            "{\"action\":\"confirm\"}", "'version'",
            "{\"action\":\"confirm\",\"version\":\"latest\"}", "'version'",
            "{\"action\":\"correct\",\"version\":0}", "'label'",
            "{\"action\":\"correct\",\"label\":10,\"version\":0}", "'label'",
            "{\"action\":\"confirm\",\"label\":3,\"version\":0}", "'label'",
            "{\"acton\":\"confirm\",\"version\":0}", "'acton'",
            "[1,2]", "JSON object");
    for (var bad : fieldOf.entrySet()) {
      var reply = anne.postJson(decision, bad.getKey());
      assertThat(reply.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(reply.body()).get("detail").asString())
          .as(bad.getKey())
          .contains(bad.getValue());
    }
    var noSuchSample =
        anne.postJson(
            "/api/v1/datasets/" + ds + "/review/999/decision",
            "{\"action\":\"confirm\",\"version\":0}");
    assertThat(noSuchSample.status()).isEqualTo(404);
    assertThat(noSuchSample.body()).contains("no sample #999");
    var undo = anne.postJson("/api/v1/datasets/" + ds + "/review/" + sample + "/undo", "{}");
    assertThat(undo.status()).isEqualTo(400);
    assertThat(undo.body()).contains("'version'");
    var role =
        admin.postJson(
            "/api/v1/users",
            "{\"username\":\"carl\",\"password\":\"password-1\",\"role\":\"boss\"}");
    assertThat(role.status()).isEqualTo(400);
    assertThat(role.body()).contains("'role'");
    var ranking = anne.get("/api/v1/datasets/" + ds + "/review/next?ranking=astrology");
    assertThat(ranking.status()).isEqualTo(400);
    assertThat(ranking.body()).contains("'ranking'");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where dataset_id = ?", Long.class, ds))
        .isZero();
  }

  @Test
  void theOpenApiDescriptionListsTheReviewUsersAndTokensEndpoints() {
    var description = new ApiClient(port, null).get("/api/openapi.json");
    assertThat(description.status()).isEqualTo(200);
    assertThat(description.body())
        .contains("/api/v1/datasets/{datasetId}/review/next")
        .contains("/api/v1/datasets/{datasetId}/review/{sample}/decision")
        .contains("/api/v1/datasets/{datasetId}/review/{sample}/undo")
        .contains("/api/v1/users/{username}/disable")
        .contains("/api/v1/tokens/{tokenId}")
        .contains("leaseExpiresAt")
        .contains("labelFinal");
  }

  /**
   * A GET of exactly this path, sent as it is written (RestClient would escape its percent signs).
   */
  private ApiClient.Reply rawGet(String token, String path) throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    var headers = new org.springframework.http.HttpHeaders();
    response.headers().map().forEach(headers::addAll);
    return new ApiClient.Reply(response.statusCode(), headers, response.body());
  }

  private ApiClient.Reply decide(
      ApiClient who, long ds, int sample, String action, Integer label, Long version) {
    StringBuilder body = new StringBuilder("{\"action\":\"").append(action).append('"');
    if (label != null) {
      body.append(",\"label\":").append(label);
    }
    if (version != null) {
      body.append(",\"version\":").append(version);
    }
    return who.postJson(
        "/api/v1/datasets/" + ds + "/review/" + sample + "/decision", body.append('}').toString());
  }

  private ApiClient.Reply undo(ApiClient who, long ds, int sample, long version) {
    return who.postJson(
        "/api/v1/datasets/" + ds + "/review/" + sample + "/undo", "{\"version\":" + version + "}");
  }

  private static long version(JsonNode sample) {
    return sample.get("version").asLong();
  }

  /** The sample's audit rows, oldest first, as "ACTION actor". */
  private List<String> audit(long ds, int sample) {
    return jdbc.queryForList(
        "select action || ' ' || actor from audit_entry where dataset_id = ? and sample_index = ?"
            + " order by id",
        String.class,
        ds,
        sample);
  }

  private int labelOf(long ds, int sample) {
    return jdbc.queryForObject(
        "select current_label from sample where dataset_id = ? and sample_index = ?",
        Integer.class,
        ds,
        sample);
  }

  private long leaseRows(long ds, int sample) {
    return jdbc.queryForObject(
        "select count(*) from sample_lease l join sample s on s.id = l.sample_id"
            + " where s.dataset_id = ? and s.sample_index = ?",
        Long.class,
        ds,
        sample);
  }

  /** A dataset of {@code n} MNIST digits with an active run from imported predictions. */
  private long dataset(ApiClient admin, int n) throws Exception {
    return fixtures.scoredDataset(admin, "review", TestDatasets.mnist(n), predictionsCsv(n));
  }

  /** An annotator made over the API, with a full token that acts as them. */
  private ApiClient annotator(ApiClient admin, String name) throws Exception {
    JsonNode token = fixtures.annotatorToken(admin, name, "labelling tool", null);
    assertThat(token.get("owner").asString()).isEqualTo(name);
    assertThat(token.get("scope").asString()).isEqualTo("FULL");
    return fixtures.client(token);
  }

  private ApiClient.Reply send(ApiClient who, HttpMethod method, String path) {
    return who.send(method, path);
  }

  /**
   * Predictions that disagree more with the later samples, so that the queue has a clear order:
   * each sample puts a little less weight on its given label than the one before.
   */
  private static List<String> predictionsCsv(int n) {
    int[] labels = TestDatasets.mnist(n).labels();
    List<String> lines = new ArrayList<>();
    lines.add("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int i = 0; i < n; i++) {
      double given = 0.9 - 0.8 * i / n;
      double other = (1 - given) / 9;
      StringBuilder row = new StringBuilder().append(i);
      for (int k = 0; k < 10; k++) {
        row.append(',')
            .append(String.format(java.util.Locale.ROOT, "%.4f", k == labels[i] ? given : other));
      }
      lines.add(row.toString());
    }
    return lines;
  }
}

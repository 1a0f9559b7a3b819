package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.ImageFolderFixture;
import com.relabel.flow.TestDatasets;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.security.ApiTokens;
import com.relabel.security.AppUser;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a pipeline uses it, over real HTTP against the running application: tokens,
 * roles, an IDX import, a real training run polled to its end, scores and labels streamed back, and
 * the errors a pipeline must be able to act on.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:restapi;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s",
      "spring.servlet.multipart.max-file-size=2MB"
    })
class RestApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewService review;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  private TestAccounts users;

  @BeforeEach
  void fixtures() {
    users = new TestAccounts(accounts, tokens, securityContexts);
  }

  @AfterEach
  void logout() {
    users.logout();
  }

  /** The fields of a dataset in the API's answers (ApiDataset). */
  static final String[] DATASET_FIELDS = {
    "id",
    "name",
    "kind",
    "classes",
    "samples",
    "open",
    "confirmed",
    "corrected",
    "excluded",
    "activeRunId",
    "ownEmbeddingDimension",
    "trainsOnOwnEmbeddings"
  };

  @Test
  void aRequestWithoutAValidTokenIsRefusedButTheDescriptionIsPublic() {
    var anonymous = new ApiClient(port, null).get("/api/v1/datasets");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    assertThat(anonymous.body()).contains("\"status\":401");

    var forged = new ApiClient(port, ApiTokens.PREFIX + "not-a-real-token").get("/api/v1/datasets");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.body()).contains("unknown or revoked");

    var description = new ApiClient(port, null).get("/api/openapi.json");
    assertThat(description.status()).isEqualTo(200);
    assertThat(description.body())
        .contains("/api/v1/datasets/{datasetId}/runs")
        .contains("/api/v1/runs/{runId}")
        .contains("/api/v1/datasets/idx")
        .contains("/api/v1/datasets/{datasetId}/scores")
        .contains("\"bearer\"")
        .contains("RunRequest")
        .contains("cleaningRounds")
        .contains("expectedErrorsTop100")
        .contains("expectedErrorsTop1000")
        .contains("errorsPer100")
        .doesNotContain("/export/datasets");
    assertThat(
            JSON.readTree(description.body())
                .at("/components/schemas/ApiDataset/properties")
                .propertyNames())
        .as("the dataset's fields as the description lists them")
        .containsExactlyInAnyOrder(DATASET_FIELDS);
  }

  @Test
  void aPipelineImportsTrainsPollsAndTakesScoresAndLabelsAway() throws Exception {
    var api = new ApiClient(port, users.tokenOf("pipeline", Role.ADMIN));
    Path images = dir.resolve("train-images.idx");
    Path labels = dir.resolve("train-labels.idx");
    IdxWriter.write(TestDatasets.mnist(300), images, labels);

    var imported =
        api.postForm(
            "/api/v1/datasets/idx", "name", "api-mnist", "images", images, "labels", labels);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode dataset = JSON.readTree(imported.body());
    long datasetId = dataset.get("id").asLong();
    assertThat(imported.headers().getLocation()).hasToString("/api/v1/datasets/" + datasetId);
    assertThat(dataset.get("samples").asLong()).isEqualTo(300);
    assertThat(dataset.get("classes")).hasSize(10);
    assertThat(dataset.get("activeRunId").isNull()).isTrue();
    assertThat(dataset.propertyNames())
        .as("the dataset's fields, no more and no fewer")
        .containsExactlyInAnyOrder(DATASET_FIELDS);
    assertThat(dataset.get("kind").asString()).isEqualTo("IMAGE");

    var started =
        api.postJson(
            "/api/v1/datasets/" + datasetId + "/runs",
            "{\"epochs\":1,\"batchSize\":64,\"folds\":0,\"model\":\"mlp\",\"device\":\"cpu\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long runId = JSON.readTree(started.body()).get("id").asLong();
    assertThat(started.headers().getLocation()).hasToString("/api/v1/runs/" + runId);

    var second = api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{}");
    assertThat(second.status()).isEqualTo(409);
    assertThat(JSON.readTree(second.body()).get("activeRunId").asLong()).isEqualTo(runId);

    JsonNode run = pollUntilFinished(api, runId, Duration.ofMinutes(3));
    assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("model").asString()).isEqualTo("mlp");
    assertThat(run.get("deviceUsed").asString()).isNotBlank();
    assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(run.get("expectedErrorsTop100").asDouble()).isBetween(0.0, 100.0);
    assertThat(run.get("expectedErrorsTop1000").asDouble())
        .isBetween(run.get("expectedErrorsTop100").asDouble(), 300.0);
    assertThat(run.get("measuredYield").get("reviewed").asLong()).isZero();
    assertThat(
            JSON.readTree(api.get("/api/v1/datasets/" + datasetId).body())
                .get("activeRunId")
                .asLong())
        .isEqualTo(runId);

    var scores = api.get("/api/v1/datasets/" + datasetId + "/scores");
    assertThat(scores.status()).isEqualTo(200);
    assertThat(scores.headers().getContentType().toString()).startsWith("application/jsonl");
    List<JsonNode> rows = jsonLines(scores.body());
    Integer scored =
        jdbc.queryForObject(
            "select count(*) from sample_score where run_id = ?", Integer.class, runId);
    assertThat(rows).hasSize(scored).isNotEmpty();
    assertThat(rows.getFirst().get("rank").asInt()).isEqualTo(1);
    double[] ranked = rows.stream().mapToDouble(r -> r.get("score").asDouble()).toArray();
    double[] sorted = ranked.clone();
    Arrays.sort(sorted);
    assertThat(ranked).containsExactly(reversed(sorted));
    assertThat(rows.getFirst().get("suggested_label").isInt()).isTrue();

    var loss = api.get("/api/v1/datasets/" + datasetId + "/scores?method=loss");
    assertThat(loss.status()).isEqualTo(200);
    assertThat(jsonLines(loss.body())).hasSize(scored);
    var unknown = api.get("/api/v1/datasets/" + datasetId + "/scores?method=astrology");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("astrology").contains("loss");

    var jsonl = api.get("/api/v1/datasets/" + datasetId + "/labels?format=jsonl");
    assertThat(jsonl.status()).isEqualTo(200);
    List<JsonNode> labelRows = jsonLines(jsonl.body());
    assertThat(labelRows).hasSize(300);
    assertThat(labelRows.getFirst().get("status").asString()).isEqualTo("OPEN");
    var csv = api.get("/api/v1/datasets/" + datasetId + "/labels");
    assertThat(csv.body().lines()).hasSize(301).first().asString().startsWith("sample_index,");
    assertThat(api.get("/api/v1/datasets/" + datasetId + "/labels?format=xml").status())
        .isEqualTo(400);
    var own = api.get("/api/v1/datasets/" + datasetId + "/labels?format=source");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.headers().getContentType().toString()).isEqualTo("application/zip");
    assertThat(own.headers().getContentDisposition().getFilename()).isEqualTo("api-mnist-idx.zip");

    Path predictions = dir.resolve("my-model.csv");
    Files.write(predictions, predictionsCsv(TestDatasets.mnist(300).labels()));
    var imported2 =
        api.postForm("/api/v1/datasets/" + datasetId + "/predictions", "file", predictions);
    assertThat(imported2.status()).as(imported2.body()).isEqualTo(201);
    JsonNode importedRun = JSON.readTree(imported2.body());
    assertThat(importedRun.get("kind").asString()).isEqualTo("IMPORTED");
    assertThat(importedRun.get("status").asString()).isEqualTo("SUCCEEDED");
    long importedRunId = importedRun.get("id").asLong();
    assertThat(
            JSON.readTree(api.get("/api/v1/datasets/" + datasetId).body())
                .get("activeRunId")
                .asLong())
        .isEqualTo(importedRunId);
    assertThat(jsonLines(api.get("/api/v1/datasets/" + datasetId + "/scores").body())).hasSize(300);
    var earlier = api.get("/api/v1/datasets/" + datasetId + "/scores?run=" + runId);
    assertThat(jsonLines(earlier.body())).hasSize(scored);
    List<String> broken = new java.util.ArrayList<>(Files.readAllLines(predictions));
    broken.set(4, "3,0.5,0.5,0.5,0,0,0,0,0,0,0");
    Files.write(predictions, broken);
    var refusedPredictions =
        api.postForm("/api/v1/datasets/" + datasetId + "/predictions", "file", predictions);
    assertThat(refusedPredictions.status()).isEqualTo(400);
    assertThat(refusedPredictions.body()).contains("my-model.csv, line 5");

    var noSuchPath = api.get("/api/v1/nothing-here");
    assertThat(noSuchPath.status()).isEqualTo(404);
    var wrongMethod = api.get("/api/v1/runs/" + runId + "/cancel");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.headers().getFirst("Allow")).isEqualTo("POST");
    var jsonForAForm = api.postJson("/api/v1/datasets/text", "{\"name\":\"x\"}");
    assertThat(jsonForAForm.status()).isEqualTo(415);
    assertThat(jsonForAForm.body()).contains("multipart/form-data");
    Path big = Files.write(dir.resolve("big.csv"), new byte[3 << 20]);
    var tooBig = api.postForm("/api/v1/datasets/text", "name", "big", "file", big);
    assertThat(tooBig.status()).isEqualTo(413);
    // what a text dataset's classifier learns from (decision 0038): a bad choice is named
    Path two = Files.writeString(dir.resolve("two.csv"), "text,label\nhello,a\nworld,b\n");
    var badFeatures =
        api.postForm("/api/v1/datasets/text", "name", "f1", "file", two, "features", "words");
    assertThat(badFeatures.status()).isEqualTo(400);
    assertThat(badFeatures.body())
        .contains("features: text features must be encoder, hashed or both, not 'words'");
    var hashed =
        api.postForm("/api/v1/datasets/text", "name", "f2", "file", two, "features", "hashed");
    assertThat(hashed.status()).as(hashed.body()).isEqualTo(201);
    long hashedId = JSON.readTree(hashed.body()).get("id").asLong();
    assertThat(
            jdbc.queryForObject(
                "select text_features from dataset where id = ?", String.class, hashedId))
        .isEqualTo("HASHED");
    var history = JSON.readTree(api.get("/api/v1/datasets/" + datasetId + "/runs").body());
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("kind").asString()).isEqualTo("IMPORTED");
    assertThat(api.get("/api/v1/runs/999999").status()).isEqualTo(404);
  }

  @Test
  void aRunReportsItsExpectedYieldAndTheMeasuredOneFrom50ReviewsOfItsQueue() throws Exception {
    var api = new ApiClient(port, users.tokenOf("yields", Role.ADMIN));
    Path images = dir.resolve("yield-images.idx");
    Path labels = dir.resolve("yield-labels.idx");
    int[] given = TestDatasets.mnist(300).labels();
    IdxWriter.write(TestDatasets.mnist(300), images, labels);
    var imported =
        api.postForm("/api/v1/datasets/idx", "name", "yields", "images", images, "labels", labels);
    long datasetId = JSON.readTree(imported.body()).get("id").asLong();
    // the model believes another class (0.91) for the first 60 samples: their label is 0.99 wrong,
    // every other one 0.09; the 60 lead the queue, so its top 100 holds 60 * 0.99 + 40 * 0.09
    // (probabilities are floats: a millionth off)
    Path predictions = Files.write(dir.resolve("disagrees.csv"), predictionsCsv(given, 60));

    var first = api.postForm("/api/v1/datasets/" + datasetId + "/predictions", "file", predictions);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode runA = JSON.readTree(first.body());
    long runAId = runA.get("id").asLong();
    assertThat(runA.get("expectedErrorsTop100").asDouble()).isCloseTo(63.0, within(1e-4));
    assertThat(runA.get("expectedErrorsTop1000").asDouble()).isCloseTo(81.0, within(1e-4));
    assertThat(
            jdbc.queryForObject(
                "select expected_errors_top100 from training_run where id = ?",
                Double.class,
                runAId))
        .isCloseTo(63.0, within(1e-4));
    assertThat(runA.get("measuredYield").get("reviewed").asLong()).isZero();
    assertThat(runA.get("measuredYield").get("errorsPer100").isNull()).isTrue();

    decide(datasetId, 5, 0, 0);
    var second =
        api.postForm("/api/v1/datasets/" + datasetId + "/predictions", "file", predictions);
    long runBId = JSON.readTree(second.body()).get("id").asLong();
    JsonNode runB = JSON.readTree(api.get("/api/v1/runs/" + runBId).body());
    // the five corrected samples now agree with the model: 55 * 0.99 + 45 * 0.09
    assertThat(runB.get("expectedErrorsTop100").asDouble()).isCloseTo(58.5, within(1e-4));
    assertThat(runB.get("measuredYield").get("reviewed").asLong())
        .as("decisions in run %d's queue are not run %d's", runAId, runBId)
        .isZero();
    JsonNode earlier = JSON.readTree(api.get("/api/v1/runs/" + runAId).body());
    assertThat(earlier.get("measuredYield").get("reviewed").asLong()).isEqualTo(5);
    assertThat(earlier.get("measuredYield").get("errorsPer100").isNull()).isTrue();

    decide(datasetId, 39, 1, 9);
    JsonNode at49 = JSON.readTree(api.get("/api/v1/runs/" + runBId).body()).get("measuredYield");
    assertThat(at49.get("reviewed").asLong()).isEqualTo(49);
    assertThat(at49.get("errorsPer100").isNull()).as(at49.toString()).isTrue();

    decide(datasetId, 0, 0, 1);
    JsonNode at50 = JSON.readTree(api.get("/api/v1/runs/" + runBId).body()).get("measuredYield");
    assertThat(at50.get("reviewed").asLong()).isEqualTo(50);
    assertThat(at50.get("errorsPer100").asDouble()).isCloseTo(80.0, within(1e-9));
    JsonNode history = JSON.readTree(api.get("/api/v1/datasets/" + datasetId + "/runs").body());
    assertThat(history.get(0).get("measuredYield").get("errorsPer100").asDouble())
        .isCloseTo(80.0, within(1e-9));
    assertThat(history.get(1).get("measuredYield").get("reviewed").asLong()).isEqualTo(5);
  }

  @Test
  void badInputIsRefusedNamingTheProblemAndNothingIsWritten() throws Exception {
    var api = new ApiClient(port, users.tokenOf("importer", Role.ADMIN));
    Path images = dir.resolve("images.idx");
    Path labels = dir.resolve("labels.idx");
    IdxWriter.write(TestDatasets.mnist(20), images, labels);
    Path shortLabels = dir.resolve("short-labels.idx");
    byte[] bytes = Files.readAllBytes(labels);
    Files.write(shortLabels, Arrays.copyOf(bytes, bytes.length - 5));
    Integer before = jdbc.queryForObject("select count(*) from dataset", Integer.class);

    var refused =
        api.postForm(
            "/api/v1/datasets/idx", "name", "broken", "images", images, "labels", shortLabels);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().getContentType().toString()).contains("problem+json");
    assertThat(refused.body()).contains("short-labels.idx");
    assertThat(jdbc.queryForObject("select count(*) from dataset", Integer.class))
        .isEqualTo(before);
    // a truncated images file: the problem names the uploaded file, never where the server saved it
    Path cutImages = dir.resolve("cut-images.idx");
    byte[] imageBytes = Files.readAllBytes(images);
    Files.write(cutImages, Arrays.copyOf(imageBytes, imageBytes.length - 100));
    var truncated =
        api.postForm("/api/v1/datasets/idx", "name", "cut", "images", cutImages, "labels", labels);
    assertThat(truncated.status()).as(truncated.body()).isEqualTo(400);
    String detail = JSON.readTree(truncated.body()).get("detail").asString();
    assertThat(detail).startsWith("cut-images.idx: ").contains("truncated");
    assertThat(truncated.body())
        .doesNotContain("relabel-api-upload")
        .doesNotContain("part-0")
        .doesNotContain(Path.of(System.getProperty("java.io.tmpdir")).toString());
    assertThat(refused.body()).doesNotContain("relabel-api-upload");

    var noLabels = api.postForm("/api/v1/datasets/idx", "name", "half", "images", images);
    assertThat(noLabels.status()).isEqualTo(400);
    assertThat(noLabels.body()).contains("labels");

    var blank =
        api.postForm("/api/v1/datasets/idx", "name", " ", "images", images, "labels", labels);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("name must have 1 to 200 characters");
    // two parts with one file name (a/data.idx, b/data.idx) must not overwrite each other
    Path sameImages = Files.createDirectories(dir.resolve("a")).resolve("data.idx");
    Path sameLabels = Files.createDirectories(dir.resolve("b")).resolve("data.idx");
    Files.copy(images, sameImages);
    Files.copy(labels, sameLabels);
    var sameNames =
        api.postForm(
            "/api/v1/datasets/idx", "name", "same", "images", sameImages, "labels", sameLabels);
    assertThat(sameNames.status()).as(sameNames.body()).isEqualTo(201);
    assertThat(JSON.readTree(sameNames.body()).get("samples").asLong()).isEqualTo(20);
    // images of more than 128 a side are refused by the size field, before the ZIP is read
    Path photos =
        ImageFolderFixture.colourPhotosZip(
            dir.resolve("photos.zip"),
            40,
            new String[] {"red", "blue"},
            new int[][] {{0xd03020}, {0x2040d0}});
    var tooLarge =
        api.postForm(
            "/api/v1/datasets/images", "name", "large", "archive", photos, "size", "129x129");
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
    assertThat(JSON.readTree(tooLarge.body()).get("detail").asString())
        .isEqualTo("size: image size must be between 8 and 128 pixels a side, not 129x129");
    var ok =
        api.postForm("/api/v1/datasets/idx", "name", "fine", "images", images, "labels", labels);
    long datasetId = JSON.readTree(ok.body()).get("id").asLong();
    var badEpochs = api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{\"epochs\":0}");
    assertThat(badEpochs.status()).isEqualTo(400);
    assertThat(badEpochs.body()).contains("epochs");
    var typo = api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{\"epoch\":3}");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.body()).contains("unknown field 'epoch'").contains("epochs");
    var wrongType = api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{\"folds\":\"many\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body()).contains("field 'folds'");
    var fraction = api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{\"epochs\":2.7}");
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.body()).contains("field 'epochs'");
    var badDevice = api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{\"device\":\"tpu\"}");
    assertThat(badDevice.status()).isEqualTo(400);
    assertThat(badDevice.body()).contains("tpu").contains("auto, cpu, gpu");
    var badMethod =
        api.postJson("/api/v1/datasets/" + datasetId + "/runs", "{\"methods\":[\"astrology\"]}");
    assertThat(badMethod.status()).isEqualTo(400);
    assertThat(badMethod.body()).contains("astrology");
    assertThat(api.get("/api/v1/datasets/" + datasetId + "/scores").status()).isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_run where dataset_id = ?", Integer.class, datasetId))
        .isZero();
  }

  @Test
  void aTokenActsWithItsOwnersRoleAtEachRequestAndDiesWithRevocationOrADisabledOwner()
      throws Exception {
    users.asAdmin(() -> accounts.create("keeper", "password-keeper", Role.ADMIN));
    Path texts = Files.writeString(dir.resolve("texts.csv"), "text,label\nhello,a\nworld,b\n");
    String token = users.tokenOf("robot", Role.ADMIN);
    var api = new ApiClient(port, token);
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);

    AppUser robot = users.user("robot");
    users.asAdmin(() -> accounts.changeRole(robot.getId(), Role.ANNOTATOR));
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);
    var importAttempt = api.postForm("/api/v1/datasets/text", "name", "x", "file", texts);
    assertThat(importAttempt.status()).isEqualTo(403);
    var start = api.postJson("/api/v1/datasets/1/runs", "{}");
    assertThat(start.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/datasets/1/labels").status()).isEqualTo(403);
    assertThat(api.get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(api.get("/api/v1/datasets/1/scores").status()).isEqualTo(403);
    assertThat(api.get("/api/v1/datasets/1/labels?format=source").status()).isEqualTo(403);
    assertThat(api.postJson("/api/v1/runs/1/cancel", "").status()).isEqualTo(403);
    users.login("robot", "ANNOTATOR");
    assertThatThrownBy(() -> tokens.create("mine")).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> tokens.all()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> tokens.revoke(1)).isInstanceOf(AccessDeniedException.class);
    users.logout();

    users.asAdmin(() -> accounts.changeRole(robot.getId(), Role.ADMIN));
    var audit = api.get("/api/v1/audit?action=CORRECT&from=2020-01-01T00:00:00Z");
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).startsWith("id,occurred_at,actor,action,");
    assertThat(api.get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
    users.asAdmin(() -> accounts.setEnabled(robot.getId(), false));
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(401);
    users.asAdmin(() -> accounts.setEnabled(robot.getId(), true));
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);

    long id =
        users.asAdmin(() -> tokens.all()).stream()
            .filter(t -> t.owner().equals("robot"))
            .findFirst()
            .orElseThrow()
            .id();
    users.asAdmin(() -> tokens.revoke(id));
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(401);
    var info =
        users.asAdmin(() -> tokens.all()).stream()
            .filter(t -> t.id() == id)
            .findFirst()
            .orElseThrow();
    assertThat(info.revoked()).isTrue();
    assertThat(info.lastUsedAt()).isNotNull();
    assertThat(token).startsWith(ApiTokens.PREFIX + info.prefix());
    assertThat(
            jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id))
        .doesNotContain(token.substring(ApiTokens.PREFIX.length()))
        .hasSize(64);
  }

  private JsonNode pollUntilFinished(ApiClient api, long runId, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      JsonNode run = JSON.readTree(api.get("/api/v1/runs/" + runId).body());
      String status = run.get("status").asString();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return run;
      }
      assertThat(Instant.now()).as("run %d still %s", runId, status).isBefore(deadline);
      Thread.sleep(250);
    }
  }

  /**
   * Reviews the next samples of the dataset's queue as a reviewer: {@code corrected} corrected to
   * the suggested label, then {@code excluded} excluded, then {@code confirmed} confirmed.
   */
  private void decide(long datasetId, int corrected, int excluded, int confirmed) {
    users.login("reviewer", "ADMIN");
    try {
      for (int i = 0; i < corrected + excluded + confirmed; i++) {
        QueueItem item = review.next(datasetId, List.of()).orElseThrow();
        ReviewAction action =
            i < corrected
                ? ReviewAction.CORRECT
                : i < corrected + excluded ? ReviewAction.EXCLUDE : ReviewAction.CONFIRM;
        review.decide(item, action, item.suggestedLabel());
      }
    } finally {
      users.logout();
    }
  }

  /** A confident model that agrees with every given label. */
  private static List<String> predictionsCsv(int[] labels) {
    return predictionsCsv(labels, 0);
  }

  /**
   * A confident model (0.91 on one class) that agrees with every given label but those of the first
   * {@code disagreeing} samples, for which it believes the next class.
   */
  private static List<String> predictionsCsv(int[] labels, int disagreeing) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int i = 0; i < labels.length; i++) {
      StringBuilder row = new StringBuilder().append(i);
      int believed = i < disagreeing ? (labels[i] + 1) % 10 : labels[i];
      for (int k = 0; k < 10; k++) {
        row.append(k == believed ? ",0.91" : ",0.01");
      }
      lines.add(row.toString());
    }
    return lines;
  }

  private static List<JsonNode> jsonLines(String body) {
    return body.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
  }

  private static double[] reversed(double[] ascending) {
    double[] out = new double[ascending.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ascending[ascending.length - 1 - i];
    }
    return out;
  }
}

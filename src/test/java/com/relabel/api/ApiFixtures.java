package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import com.relabel.security.ApiTokenScope;
import com.relabel.security.Role;
import com.relabel.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the REST API tests set up through the API itself, as a pipeline would: an admin's token,
 * annotators with tokens, and datasets uploaded as IDX and scored by imported predictions.
 */
final class ApiFixtures {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final int port;
  private final TestAccounts users;
  private final Path dir;

  /**
   * @param dir where the uploaded files are written (a test's temporary folder)
   */
  ApiFixtures(int port, TestAccounts users, Path dir) {
    this.port = port;
    this.users = users;
    this.dir = dir;
  }

  /** A name no other test of this JVM uses. */
  static String unique(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** The reply's body as JSON, once its status is {@code status}. */
  static JsonNode json(ApiClient.Reply reply, int status) throws Exception {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    return JSON.readTree(reply.body());
  }

  /** A new admin's first token: made in the app (here through the service), as in the UI. */
  ApiClient admin() {
    return new ApiClient(port, users.tokenOf(unique("admin"), Role.ADMIN));
  }

  /** An admin's read-only token (decision 0032), of a new admin account. */
  ApiClient readOnlyAdmin() {
    return new ApiClient(
        port, users.tokenOf(unique("reader"), Role.ADMIN, ApiTokenScope.READ_ONLY));
  }

  /** A full token of a new annotator: refused wherever an admin is needed. */
  ApiClient annotator() {
    return new ApiClient(port, users.tokenOf(unique("annotator"), Role.ANNOTATOR));
  }

  /**
   * An annotator made over the API, with a token named {@code tokenName} that acts as them.
   *
   * @param scope the token's scope, or null for the default (full)
   * @return the token as the API answered it
   */
  JsonNode annotatorToken(ApiClient admin, String name, String tokenName, String scope)
      throws Exception {
    json(
        admin.postJson(
            "/api/v1/users",
            "{\"username\":\"" + name + "\",\"password\":\"password-1\",\"role\":\"annotator\"}"),
        201);
    String scoped = scope == null ? "" : ",\"scope\":\"" + scope + "\"";
    return json(
        admin.postJson(
            "/api/v1/tokens",
            "{\"name\":\"" + tokenName + "\",\"owner\":\"" + name + "\"" + scoped + "}"),
        201);
  }

  /** A client that calls the API with {@code token} (as {@link #annotatorToken} answered it). */
  ApiClient client(JsonNode token) {
    return new ApiClient(port, token.get("token").asString());
  }

  /**
   * A dataset of {@code images} uploaded as IDX under a unique name starting with {@code prefix}.
   *
   * @return its id
   */
  long uploadedDataset(ApiClient admin, String prefix, LabeledImages images) throws Exception {
    String name = unique(prefix);
    Path idx = dir.resolve(name + "-images.idx");
    Path labels = dir.resolve(name + "-labels.idx");
    IdxWriter.write(images, idx, labels);
    return json(
            admin.postForm("/api/v1/datasets/idx", "name", name, "images", idx, "labels", labels),
            201)
        .get("id")
        .asLong();
  }

  /**
   * {@link #uploadedDataset}, with an active run from the imported predictions {@code
   * predictionsCsv} (the lines of a CSV file).
   */
  long scoredDataset(
      ApiClient admin, String prefix, LabeledImages images, List<String> predictionsCsv)
      throws Exception {
    long id = uploadedDataset(admin, prefix, images);
    Path predictions = Files.write(dir.resolve("model-" + id + ".csv"), predictionsCsv);
    json(admin.postForm("/api/v1/datasets/" + id + "/predictions", "file", predictions), 201);
    return id;
  }
}

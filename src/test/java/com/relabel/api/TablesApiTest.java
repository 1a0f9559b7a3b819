package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.SyntheticTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feature tables over real HTTP (decision 0045): an admin's full token imports one and gets it back
 * as the same CSV; a bad cell is a 400 naming file, line and column; a read-only token and an
 * annotator's token are refused and import nothing. Same context as {@link EmbeddingsApiTest}.
 */
class TablesApiTest extends ImportApiTest {

  private static final JsonMapper JSON = ApiFixtures.JSON;
  private static final String PATH = "/api/v1/datasets/table";

  @Test
  void anAdminImportsATableWhileReadOnlyAndAnnotatorTokensAreRefused() throws Exception {
    var fixtures = apiFixtures();
    ApiClient admin = fixtures.admin();
    Path good = SyntheticTable.generate(60, 0.1, 2).write(dir.resolve("shapes.csv"));

    for (var refused :
        new ApiClient.Reply[] {
          fixtures.readOnlyAdmin().postForm(PATH, "name", "t-read", "file", good),
          fixtures.annotator().postForm(PATH, "name", "t-anna", "file", good)
        }) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }
    assertThat(tables()).isZero();

    Path bad =
        Files.writeString(dir.resolve("bad.csv"), Files.readString(good).replace("r9,", "r9,1,"));
    var refusedFile = admin.postForm(PATH, "name", "t-bad", "file", bad, "idColumn", "id");
    assertThat(refusedFile.status()).isEqualTo(400);
    assertThat(JSON.readTree(refusedFile.body()).get("detail").asString())
        .isEqualTo("bad.csv, line 11: 6 cells where the header has 5 (missing cell?)");
    assertThat(tables()).isZero();

    var imported =
        admin.postForm(
            PATH, "name", "t-ok", "file", good, "idColumn", "id", "categorical", "height");
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(imported.body());
    assertThat(body.get("kind").asString()).isEqualTo("FEATURES");
    assertThat(body.get("samples").asInt()).isEqualTo(60);
    assertThat(tables()).isEqualTo(1);
    long id = body.get("id").asLong();
    var back = admin.get("/api/v1/datasets/" + id + "/labels?format=source");
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(Files.readString(good));
  }

  private int tables() {
    return jdbc.queryForObject(
        "select count(*) from dataset where kind = 'FEATURES'", Integer.class);
  }
}

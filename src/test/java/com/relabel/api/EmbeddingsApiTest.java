package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.IdxWriter;
import com.relabel.flow.TestDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Own embeddings over real HTTP (decision 0044): an admin's full token attaches them and chooses
 * whether runs learn from them; a bad file is a 400 naming file and line; a read-only token and a
 * annotator's token are refused and change nothing.
 */
class EmbeddingsApiTest extends ImportApiTest {

  private static final JsonMapper JSON = ApiFixtures.JSON;

  @Test
  void anAdminAttachesVectorsWhileReadOnlyAndAnnotatorTokensAreRefused() throws Exception {
    var fixtures = apiFixtures();
    ApiClient admin = fixtures.admin();
    ApiClient read = fixtures.readOnlyAdmin();
    ApiClient annotator = fixtures.annotator();
    IdxWriter.write(TestDatasets.mnist(30), dir.resolve("i.idx"), dir.resolve("l.idx"));
    var imported =
        admin.postForm(
            "/api/v1/datasets/idx",
            "name",
            "emb",
            "images",
            dir.resolve("i.idx"),
            "labels",
            dir.resolve("l.idx"));
    long id = JSON.readTree(imported.body()).get("id").asLong();
    assertThat(JSON.readTree(imported.body()).get("ownEmbeddingDimension").isNull()).isTrue();
    assertThat(JSON.readTree(imported.body()).get("trainsOnOwnEmbeddings").asBoolean()).isFalse();
    String path = "/api/v1/datasets/" + id + "/embeddings";
    StringBuilder csv = new StringBuilder("sample_index,e0,e1,e2\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i).append(",0.5,-1,").append(i).append('\n');
    }
    Path good = Files.writeString(dir.resolve("vectors.csv"), csv);

    for (var refused :
        new ApiClient.Reply[] {
          read.postForm(path, "file", good),
          annotator.postForm(path, "file", good),
          annotator.postForm(path + "/training", "train", "true")
        }) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }
    assertThat(ownVectors()).isZero();

    var attached = admin.postForm(path, "file", good, "train", "false");
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(attached.body());
    assertThat(body.get("samples").asInt()).isEqualTo(30);
    assertThat(body.get("dimension").asInt()).isEqualTo(3);
    assertThat(body.get("trainsOnThem").asBoolean()).isFalse();
    assertThat(ownVectors()).isEqualTo(30);
    JsonNode dataset = JSON.readTree(admin.get("/api/v1/datasets/" + id).body());
    assertThat(dataset.get("ownEmbeddingDimension").asInt()).isEqualTo(3);
    assertThat(dataset.get("trainsOnOwnEmbeddings").asBoolean()).isFalse();

    var chosen = admin.postForm(path + "/training", "train", "true");
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
    assertThat(trainsOnThem(id)).isTrue();
    // the list also holds what other tests of this shared context imported
    JsonNode listed = null;
    for (JsonNode d : JSON.readTree(admin.get("/api/v1/datasets").body())) {
      listed = d.get("id").asLong() == id ? d : listed;
    }
    assertThat(listed).as("dataset %d in the list", id).isNotNull();
    assertThat(listed.get("ownEmbeddingDimension").asInt()).isEqualTo(3);
    assertThat(listed.get("trainsOnOwnEmbeddings").asBoolean()).isTrue();

    Path bad = Files.writeString(dir.resolve("bad.csv"), csv.toString().replace("\n7,", "\n70,"));
    var refusedFile = admin.postForm(path, "file", bad);
    assertThat(refusedFile.status()).isEqualTo(400);
    assertThat(JSON.readTree(refusedFile.body()).get("detail").asString())
        .isEqualTo("bad.csv, line 9: sample_index 70 is not in the dataset (0 to 29)");
    assertThat(ownVectors()).isEqualTo(30);
  }

  private int ownVectors() {
    return jdbc.queryForObject(
        "select count(*) from sample_embedding where model = 'own'", Integer.class);
  }

  private boolean trainsOnThem(long datasetId) {
    return jdbc.queryForObject(
        "select trains_on_embeddings from dataset where id = ?", Boolean.class, datasetId);
  }
}

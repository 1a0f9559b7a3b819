package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleTexts;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.dataset.TextEncoder;
import com.relabel.dataset.TextFeatures;
import com.relabel.dataset.TextFeaturizer;
import com.relabel.dataset.TextFormatException;
import com.relabel.dataset.TextImport;
import com.relabel.dataset.TrainingSet;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** A CSV / JSONL text dataset into H2: all or nothing, admins only, and it trains (the MLP). */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:text;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class TextImportTest {

  @Autowired TextImport textImport;
  @Autowired TextEncoder encoder;
  @Autowired DatasetService datasets;
  @Autowired SampleTexts texts;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  /** Dataset names stay unique in a database that outlives the test (PostgreSQL). */
  static final long RUN = System.currentTimeMillis();

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void importsACsvAndARunOnItTrainsTheMlpAndScoresEveryText() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    SyntheticTexts data = SyntheticTexts.generate(150, 3, 0.1, 3);
    Path csv = data.writeCsv(dir.resolve("topics.csv"));

    Dataset d = textImport.importFile("text-ok-" + RUN, csv, "topics.csv", TextFeatures.HASHED);

    assertThat(d.getKind()).isEqualTo(DatasetKind.TEXT);
    assertThat(vectorCount(d)).isZero();
    assertThat(datasets.classNames(d.getId())).containsExactly("money", "space", "sport");
    TrainingSet set = datasets.trainingSet(d.getId());
    assertThat(set.images().count()).isEqualTo(150);
    assertThat(set.images().width()).isEqualTo(TextFeaturizer.DEFAULT_DIMENSION);
    assertThat(set.images().image(7))
        .isEqualTo(TextFeaturizer.standard().features(data.texts().get(7)));
    assertThat(texts.text(set.sampleIds()[7])).contains(data.texts().get(7));
    assertThat(texts.snippets(List.of(set.sampleIds()[7]), 10))
        .containsEntry(set.sampleIds()[7], data.texts().get(7).substring(0, 10));
    assertThat(
            jdbc.queryForObject(
                "select external_id from sample where id = ?", String.class, set.sampleIds()[7]))
        .isEqualTo("t7");
    String topic = SyntheticTexts.topicName(data.labels()[7]);
    assertThat(datasets.classNames(d.getId()).get(set.images().labels()[7])).isEqualTo(topic);

    var asked =
        RunSettings.builder()
            .epochs(2)
            .batchSize(16)
            .seed(1)
            .device(DeviceChoice.CPU)
            .folds(0)
            .build();
    long runId =
        runs.retrain(d.getId(), asked.toBuilder().model(ModelKind.CNN).build(), "admin").getId();
    TrainingRun done = RunWaits.finished(runs, runId, Duration.ofSeconds(120));

    assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.getModel()).isEqualTo("mlp");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_score where run_id = ?", Integer.class, runId))
        .isEqualTo(150);
    assertThat(datasets.get(d.getId()).getActiveRunId()).isEqualTo(runId);
  }

  @Test
  void byDefaultEveryTextIsEncodedOnceAtImportAndARunSearchesNeighboursAmongTheVectors()
      throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    SyntheticTexts data = SyntheticTexts.generate(120, 3, 0.1, 5);
    Path csv = data.writeCsv(dir.resolve("encoded.csv"));

    Dataset d = textImport.importFile("text-enc-" + RUN, csv, "encoded.csv");

    assertThat(datasets.get(d.getId()).getTextFeatures()).isEqualTo(TextFeatures.BOTH);
    assertThat(vectorCount(d)).isEqualTo(120);
    TrainingSet set = datasets.trainingSet(d.getId());
    assertThat(set.images().width())
        .isEqualTo(TextEncoder.DIMENSION + TextFeaturizer.DEFAULT_DIMENSION);
    // the vector read back is the one the encoder gives, within half precision and the other
    // texts of its batch (the quantised model scales activations per batch: decision 0038)
    float[] stored = set.neighbourSpace()[7];
    assertThat(cosine(stored, encoder.encode(data.texts().get(7)))).isGreaterThan(0.98);
    assertThat(
            jdbc.queryForObject(
                "select model from sample_embedding where sample_id = ?",
                String.class,
                set.sampleIds()[7]))
        .isEqualTo(TextEncoder.MODEL);

    var asked =
        RunSettings.builder()
            .epochs(2)
            .batchSize(16)
            .seed(1)
            .device(DeviceChoice.CPU)
            .folds(0)
            .build();
    long runId = runs.retrain(d.getId(), asked, "admin").getId();
    TrainingRun done = RunWaits.finished(runs, runId, Duration.ofSeconds(120));

    assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_score where run_id = ?", Integer.class, runId))
        .isEqualTo(120);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from method_score where run_id = ? and method = 'knn'",
                Integer.class,
                runId))
        .isEqualTo(120);
    // the neighbours were searched among the encoder's 384 numbers, not the MLP's 128
    assertThat(
            jdbc.queryForObject(
                "select cols_count from run_artifact where run_id = ? and name = 'embeddings'",
                Integer.class,
                runId))
        .isEqualTo(TextEncoder.DIMENSION);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private int vectorCount(Dataset d) {
    return jdbc.queryForObject(
        "select count(*) from sample_embedding e join sample s on s.id = e.sample_id"
            + " where s.dataset_id = ?",
        Integer.class,
        d.getId());
  }

  @Test
  void jsonlWithIntegerLabelsKeepsTheirNumbersAsClasses() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path jsonl =
        Files.writeString(
            dir.resolve("n.jsonl"),
            "{\"text\":\"a\",\"label\":10}\n{\"text\":\"b\",\"label\":2,\"id\":\"x\"}\n");

    Dataset d = textImport.importFile("text-jsonl-" + RUN, jsonl, "n.jsonl");

    assertThat(datasets.classNames(d.getId())).containsExactly("2", "10");
    assertThat(datasets.trainingSet(d.getId()).images().labels()).containsExactly(1, 0);
  }

  @Test
  void aBadLineLeavesNothingBehind() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path csv = SyntheticTexts.generate(2500, 2, 0, 1).writeCsv(dir.resolve("bad.csv"));
    Files.writeString(csv, "t9,\"unclosed,sport\n", java.nio.file.StandardOpenOption.APPEND);
    int before = jdbc.queryForObject("select count(*) from sample", Integer.class);
    int vectorsBefore = jdbc.queryForObject("select count(*) from sample_embedding", Integer.class);

    assertThatThrownBy(() -> textImport.importFile("text-bad-" + RUN, csv, "bad.csv"))
        .isInstanceOf(TextFormatException.class)
        // the file's own name, not the folder it lies in on the server
        .hasMessage("bad.csv, line 2502: a quoted field is never closed");
    assertThat(datasets.findByName("text-bad-" + RUN)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from sample", Integer.class)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from sample_embedding", Integer.class))
        .isEqualTo(vectorsBefore);
  }

  @Test
  void anAnnotatorMayNotImportAndNamesAreUnique() throws Exception {
    Path csv = SyntheticTexts.generate(10, 2, 0, 1).writeCsv(dir.resolve("a.csv"));
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> textImport.importFile("text-anna-" + RUN, csv, "a.csv"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(datasets.findByName("text-anna-" + RUN)).isEmpty();

    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    textImport.importFile("text-twice-" + RUN, csv, "a.csv");
    assertThatThrownBy(() -> textImport.importFile("text-twice-" + RUN, csv, "a.csv"))
        .hasMessageContaining("already exists");
  }
}

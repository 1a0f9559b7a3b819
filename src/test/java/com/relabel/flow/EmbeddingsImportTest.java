package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.EmbeddingsFormatException;
import com.relabel.dataset.EmbeddingsImport;
import com.relabel.dataset.IdxImport;
import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.NpyWriter;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.dataset.TextEncoder;
import com.relabel.dataset.TextImport;
import com.relabel.dataset.TrainingSet;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A team's own vectors attached to an image and a text dataset (decision 0044): all or nothing,
 * admins only (annotators refused), and a run then learns from them and searches neighbours among
 * them.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:embeddings;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class EmbeddingsImportTest {

  /** Components of each vector: one per class that says the class, then noise. */
  private static final int DIMENSION = 16;

  /** Few enough that the CNN is far from done on the pixels. */
  private static final int EPOCHS = 1;

  @Autowired IdxImport idxImport;
  @Autowired TextImport textImport;
  @Autowired EmbeddingsImport embeddings;
  @Autowired DatasetService datasets;
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
  void vectorsThatSeparateTheClassesTrainTheMlpFarBetterThanThePixelsInOneEpoch() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    LabeledImages data = TestDatasets.mnist(400);
    IdxWriter.write(data, dir.resolve("i.gz"), dir.resolve("l.gz"));
    Dataset d = idxImport.importFiles("own-" + RUN, dir.resolve("i.gz"), dir.resolve("l.gz"), 10);
    float[][] vectors = separating(data.labels(), 10);
    Path npy = npy(vectors);

    var attached = embeddings.importFile(d.getId(), npy, "model.npy", true);

    assertThat(attached.samples()).isEqualTo(400);
    assertThat(attached.dimension()).isEqualTo(DIMENSION);
    assertThat(datasets.get(d.getId()).getEmbeddingDimension()).isEqualTo(DIMENSION);
    assertThat(datasets.get(d.getId()).trainsOnEmbeddings()).isTrue();
    TrainingSet set = datasets.trainingSet(d.getId());
    assertThat(set.images().width()).isEqualTo(DIMENSION);
    assertThat(set.images().height()).isEqualTo(1);
    assertThat(set.images().labels()).containsExactly(data.labels());
    for (int j = 0; j < DIMENSION; j++) {
      // stored in half precision: about three digits
      assertThat(set.neighbourSpace()[7][j]).isCloseTo(vectors[7][j], within(0.01f));
    }

    TrainingRun own = train(d.getId());
    assertThat(own.getModel()).isEqualTo("mlp");
    // the neighbours were searched among the team's 16 numbers, not the MLP's own embedding
    assertThat(
            jdbc.queryForObject(
                "select cols_count from run_artifact where run_id = ? and name = 'embeddings'",
                Integer.class,
                own.getId()))
        .isEqualTo(DIMENSION);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from method_score where run_id = ? and method = 'knn'",
                Integer.class,
                own.getId()))
        .isEqualTo(400);

    embeddings.trainOnThem(d.getId(), false);
    TrainingRun pixels = train(d.getId());
    assertThat(pixels.getModel()).isEqualTo("cnn");
    assertThat(own.getHeldOutAccuracy())
        .as(
            "held-out accuracy on own vectors %s, on pixels %s",
            own.getHeldOutAccuracy(), pixels.getHeldOutAccuracy())
        .isGreaterThanOrEqualTo(0.95)
        .isGreaterThan(pixels.getHeldOutAccuracy() + 0.1);
  }

  @Test
  void aBadFileLeavesTheVectorsAttachedBeforeAndOnlyAdminsAttach() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    LabeledImages data = TestDatasets.mnist(1500);
    IdxWriter.write(data, dir.resolve("i.gz"), dir.resolve("l.gz"));
    Dataset d =
        idxImport.importFiles("own-bad-" + RUN, dir.resolve("i.gz"), dir.resolve("l.gz"), 10);
    embeddings.importFile(d.getId(), npy(separating(data.labels(), 10)), "first.npy", false);
    StringBuilder csv = new StringBuilder("sample_index,e0,e1\n");
    for (int i = 0; i < 1500; i++) {
      csv.append(i).append(",0.5,").append(i == 1400 ? "x" : "1").append('\n');
    }
    Path bad = Files.writeString(dir.resolve("second.csv"), csv);

    assertThatThrownBy(() -> embeddings.importFile(d.getId(), bad, "second.csv", true))
        .isInstanceOf(EmbeddingsFormatException.class)
        .hasMessage("second.csv, line 1402: column e1: 'x' is not a number");
    // the 1,000 rows written before line 1402 were rolled back with the deletion of the first
    // file's vectors
    assertThat(datasets.get(d.getId()).getEmbeddingDimension()).isEqualTo(DIMENSION);
    assertThat(datasets.get(d.getId()).trainsOnEmbeddings()).isFalse();
    assertThat(ownVectors(d.getId())).isEqualTo(1500);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_embedding e join sample s on s.id = e.sample_id"
                    + " where s.dataset_id = ? and octet_length(e.vector) = ?",
                Integer.class,
                d.getId(),
                2 * DIMENSION))
        .isEqualTo(1500);

    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    Path good = npy(separating(data.labels(), 10));
    assertThatThrownBy(() -> embeddings.importFile(d.getId(), good, "good.npy", true))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> embeddings.trainOnThem(d.getId(), true))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(datasets.get(d.getId()).trainsOnEmbeddings()).isFalse();
  }

  @Test
  void aTextDatasetKeepsItsEncoderVectorsBesideItsOwn() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    SyntheticTexts data = SyntheticTexts.generate(40, 2, 0, 3);
    Dataset d =
        textImport.importFile("own-text-" + RUN, data.writeCsv(dir.resolve("t.csv")), "t.csv");
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      jsonl.append("{\"sample_index\":%d,\"embedding\":[%d,1,2]}\n".formatted(i, i));
    }
    Path file = Files.writeString(dir.resolve("own.jsonl"), jsonl);

    embeddings.importFile(d.getId(), file, "own.jsonl", true);

    assertThat(ownVectors(d.getId())).isEqualTo(40);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_embedding e join sample s on s.id = e.sample_id"
                    + " where s.dataset_id = ? and e.model = ?",
                Integer.class,
                d.getId(),
                TextEncoder.MODEL))
        .isEqualTo(40);
    TrainingSet set = datasets.trainingSet(d.getId());
    assertThat(set.images().width()).isEqualTo(3);
    assertThat(set.neighbourSpace()[39]).containsExactly(39f, 1f, 2f);
  }

  private TrainingRun train(long datasetId) throws InterruptedException {
    var asked =
        RunSettings.builder()
            .epochs(EPOCHS)
            .batchSize(16)
            .learningRate(1e-2f)
            .seed(7)
            .device(DeviceChoice.CPU)
            .folds(0)
            .model(ModelKind.CNN)
            .build();
    long runId = runs.retrain(datasetId, asked, "admin").getId();
    TrainingRun done = RunWaits.finished(runs, runId, Duration.ofSeconds(180));
    assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    return done;
  }

  private int ownVectors(long datasetId) {
    return jdbc.queryForObject(
        "select count(*) from sample_embedding e join sample s on s.id = e.sample_id"
            + " where s.dataset_id = ? and e.model = 'own'",
        Integer.class,
        datasetId);
  }

  /**
   * Vectors that say each sample's class: 2 at the class's component, noise of spread 0.3
   * everywhere, in {@link #DIMENSION} components.
   */
  static float[][] separating(int[] labels, int classes) {
    var random = new Random(11);
    float[][] out = new float[labels.length][DIMENSION];
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < DIMENSION; j++) {
        out[i][j] = (float) (0.3 * random.nextGaussian()) + (j == labels[i] % classes ? 2 : 0);
      }
    }
    return out;
  }

  private Path npy(float[][] vectors) throws IOException {
    Path file = Files.createTempFile(dir, "v", ".npy");
    try (var w = new NpyWriter(file, vectors.length, vectors[0].length)) {
      for (float[] v : vectors) {
        w.write(v);
      }
    }
    return file;
  }
}

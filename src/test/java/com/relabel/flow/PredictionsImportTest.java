package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.LabeledImages;
import com.relabel.training.PredictionsFormatException;
import com.relabel.training.PredictionsImport;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Scoring from a team's own model ("bring your own predictions"): a file of class probabilities
 * becomes a finished run that ranks the queue, with the flipped labels on top; a bad file is
 * refused by file and line and writes nothing.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:predictions;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.enabled=false"
    })
class PredictionsImportTest {

  static final int N = 300;
  static final int FLIPPED = 30;

  @Autowired DatasetImporter importer;
  @Autowired DatasetService datasets;
  @Autowired PredictionsImport predictions;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  Dataset dataset;
  int[] truth;
  Set<Integer> flipped;

  @BeforeEach
  void noisyDataset() {
    LabeledImages clean = TestDatasets.mnist(N);
    truth = clean.labels().clone();
    int[] given = truth.clone();
    flipped = new HashSet<>();
    for (int i = 0; flipped.size() < FLIPPED; i += 10) {
      given[i] = (truth[i] + 1) % 10;
      flipped.add(i);
    }
    String name = "byo-" + System.nanoTime();
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    dataset = importer.importImages(name, clean.withLabels(given), null, truth, "test");
  }

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void probabilitiesFromElsewhereRankTheFlippedLabelsFirst() throws IOException {
    Path csv = writeCsv("model-probabilities.csv", true);

    TrainingRun run = predictions.importFile(dataset.getId(), csv, "admin");

    assertThat(run.getKind()).isEqualTo(TrainingRun.IMPORTED);
    assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.getSampleCount()).isEqualTo(N);
    assertThat(run.getEvaluation()).contains("AUROC");
    assertThat(datasets.get(dataset.getId()).getActiveRunId()).isEqualTo(run.getId());
    List<Integer> top =
        jdbc.queryForList(
            "select s.sample_index from sample_score sc join sample s on s.id = sc.sample_id"
                + " where sc.run_id = ? order by sc.score desc, sc.sample_id"
                + " fetch first "
                + FLIPPED
                + " rows only",
            Integer.class,
            run.getId());
    assertThat(flipped).containsAll(top);
    List<String> methods =
        jdbc.queryForList(
            "select distinct method from method_score where run_id = ?", String.class, run.getId());
    assertThat(methods).contains("loss", "cl", "knn", "confidence");
    assertThat(suggestedTruthAmongFlipped(run)).isEqualTo(FLIPPED);
  }

  @Test
  void jsonLinesWithoutEmbeddingsScoreToo() throws IOException {
    Path jsonl = dir.resolve("preds.jsonl");
    List<String> lines = new ArrayList<>();
    float[][] p = probabilities();
    for (int i = 0; i < N; i++) {
      lines.add("{\"sample_index\": " + i + ", \"probabilities\": " + array(p[i]) + "}");
    }
    Files.write(jsonl, lines);

    TrainingRun run = predictions.importFile(dataset.getId(), jsonl, "admin");

    assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(
            jdbc.queryForList(
                "select distinct method from method_score where run_id = ?",
                String.class,
                run.getId()))
        .contains("cl")
        .doesNotContain("knn");
  }

  @Test
  void columnsNamedByClassInAnyOrderQuotesAByteOrderMarkAndJsonWithoutItsExtension()
      throws IOException {
    float[][] p = probabilities();
    List<String> lines = new ArrayList<>();
    lines.add("\uFEFF\"sample_index\",\"9\",\"8\",\"7\",\"6\",\"5\",\"4\",\"3\",\"2\",\"1\",\"0\"");
    for (int i = 0; i < N; i++) {
      StringBuilder row = new StringBuilder("\"").append(i).append('"');
      for (int k = 9; k >= 0; k--) {
        row.append(",\"").append(p[i][k]).append('"');
      }
      lines.add(row.toString());
    }
    Path reversed = Files.write(dir.resolve("excel-export.csv"), lines);

    TrainingRun run = predictions.importFile(dataset.getId(), reversed, "admin");

    assertThat(suggestedTruthAmongFlipped(run)).isEqualTo(FLIPPED);

    List<String> json = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      json.add("{\"sample_index\": " + i + ", \"probabilities\": " + array(p[i]) + "}");
    }
    Path noExtension = Files.write(dir.resolve("predictions"), json);
    assertThat(predictions.importFile(dataset.getId(), noExtension, "admin").getStatus())
        .isEqualTo(RunStatus.SUCCEEDED);

    Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'s', 'a', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> predictions.importFile(dataset.getId(), latin1, "admin"))
        .isInstanceOf(PredictionsFormatException.class)
        .hasMessage("latin1.csv: not UTF-8 text");
  }

  private Integer suggestedTruthAmongFlipped(TrainingRun run) {
    return jdbc.queryForObject(
        "select count(*) from sample_score sc join sample s on s.id = sc.sample_id"
            + " join sample_truth t on t.sample_id = s.id"
            + " where sc.run_id = ? and s.sample_index in ("
            + join(flipped)
            + ") and sc.suggested_label = t.true_label",
        Integer.class,
        run.getId());
  }

  @Test
  void aBadFileIsRefusedByFileAndLineAndWritesNothing() throws IOException {
    Path good = writeCsv("good.csv", false);
    List<String> lines = new ArrayList<>(Files.readAllLines(good));

    assertRefused(
        "wrong-classes.csv",
        replace(lines, 0, "sample_index,a,b,c"),
        "line 1",
        "3 probability columns");
    assertRefused("logits.csv", replace(lines, 5, "4,2.0,1.5,0,0,0,0,0,0,0,0"), "line 6", "logits");
    assertRefused(
        "sums.csv", replace(lines, 5, "4,0.5,0.5,0.5,0,0,0,0,0,0,0"), "line 6", "sum to 1.5000");
    assertRefused(
        "unknown.csv",
        replace(lines, 3, lines.get(3).replaceFirst("^2,", "9999,")),
        "line 4",
        "9999");
    assertRefused("twice.csv", replace(lines, 3, lines.get(2)), "line 4", "first on line 3");
    assertRefused("short.csv", lines.subList(0, N), "no prediction for sample 299");
    assertRefused(
        "text.csv",
        replace(lines, 2, lines.get(2).replaceFirst(",[^,]*,", ",abc,")),
        "line 3",
        "abc");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_run where dataset_id = ?",
                Integer.class,
                dataset.getId()))
        .isZero();
    assertThat(datasets.get(dataset.getId()).getActiveRunId()).isNull();
  }

  @Test
  void excludedSamplesNeedNoPredictionAndAnnotatorsMayNotImport() throws IOException {
    jdbc.update(
        "update sample set status = 'EXCLUDED' where dataset_id = ? and sample_index = 7",
        dataset.getId());
    List<String> lines = new ArrayList<>(Files.readAllLines(writeCsv("all.csv", false)));
    lines.remove(8); // sample 7
    Path withoutExcluded = Files.write(dir.resolve("without-7.csv"), lines);

    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> predictions.importFile(dataset.getId(), withoutExcluded, "anna"))
        .isInstanceOf(AccessDeniedException.class);

    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    TrainingRun run = predictions.importFile(dataset.getId(), withoutExcluded, "admin");
    assertThat(run.getSampleCount()).isEqualTo(N - 1);
  }

  private void assertRefused(String name, List<String> lines, String... expected)
      throws IOException {
    Path file = Files.write(dir.resolve(name), lines);
    assertThatThrownBy(() -> predictions.importFile(dataset.getId(), file, "admin"))
        .isInstanceOf(PredictionsFormatException.class)
        .hasMessageStartingWith(name)
        .hasMessageContainingAll(expected);
  }

  /** A model that is right about every image, confidently so, whatever label it was given. */
  private float[][] probabilities() {
    Random random = new Random(7);
    float[][] p = new float[N][10];
    for (int i = 0; i < N; i++) {
      float top = 0.7f + 0.25f * random.nextFloat();
      for (int k = 0; k < 10; k++) {
        p[i][k] = k == truth[i] ? top : (1 - top) / 9;
      }
    }
    return p;
  }

  private Path writeCsv(String name, boolean withEmbeddings) throws IOException {
    float[][] p = probabilities();
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("sample_index");
    for (int k = 0; k < 10; k++) {
      header.append(",class_").append(k);
    }
    if (withEmbeddings) {
      header.append(",emb_0,emb_1,emb_2");
    }
    lines.add(header.toString());
    for (int i = 0; i < N; i++) {
      StringBuilder row = new StringBuilder().append(i);
      for (float v : p[i]) {
        row.append(',').append(String.format(Locale.ROOT, "%.6f", v));
      }
      if (withEmbeddings) {
        // an embedding that clusters by the true class
        row.append(',').append(truth[i]).append(',').append(truth[i] % 3).append(",0.5");
      }
      lines.add(row.toString());
    }
    return Files.write(dir.resolve(name), lines);
  }

  private static List<String> replace(List<String> lines, int at, String line) {
    List<String> copy = new ArrayList<>(lines);
    copy.set(at, line);
    return copy;
  }

  private static String array(float[] values) {
    StringBuilder out = new StringBuilder("[");
    for (int k = 0; k < values.length; k++) {
      out.append(k == 0 ? "" : ", ").append(values[k]);
    }
    return out.append(']').toString();
  }

  private static String join(Set<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }
}

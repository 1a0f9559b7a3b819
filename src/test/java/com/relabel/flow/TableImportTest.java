package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.ImportStoppedException;
import com.relabel.dataset.SyntheticTable;
import com.relabel.dataset.TableImport;
import com.relabel.dataset.TableOptions;
import com.relabel.dataset.TableSamples;
import com.relabel.dataset.TextFormatException;
import com.relabel.dataset.TrainingSet;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.export.SourceFormatExport;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A feature table imported, trained on and reviewed (decision 0045): the MLP learns from the
 * encoded rows with cross-validation, the flipped rows lead the queue, a row is shown beside its
 * classes' typical values, and the export gives the same table back with the corrected label.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tables;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class TableImportTest {

  /** Dataset names stay unique in a database that outlives the test (PostgreSQL). */
  static final long RUN = System.currentTimeMillis();

  @Autowired TableImport tables;
  @Autowired BackgroundImports imports;
  @Autowired TableSamples tableSamples;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired ReviewService review;
  @Autowired SourceFormatExport export;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void aTableTrainsTheMlpRanksItsFlippedRowsFirstAndComesBackAsItWas() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    SyntheticTable data = SyntheticTable.generate(400, 0.1, 5);
    Path file = data.write(dir.resolve("shapes.csv"));

    Dataset d =
        tables.importFile(
            "table-" + RUN, file, "shapes.csv", new TableOptions("label", "id", Set.of()));

    assertThat(d.getKind()).isEqualTo(DatasetKind.FEATURES);
    assertThat(datasets.classNames(d.getId())).containsExactly("a", "b");
    TrainingSet set = datasets.trainingSet(d.getId());
    // width + its missing flag, colour: blue, green, red, (missing), height
    assertThat(set.images().width()).isEqualTo(7);
    assertThat(set.neighbourSpace()).hasNumberOfRows(400);

    TrainingRun run = train(d.getId());
    assertThat(run.getModel()).isEqualTo("mlp");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from method_score where run_id = ? and method = 'knn'",
                Integer.class,
                run.getId()))
        .isEqualTo(400);
    int flippedInTop = 0;
    List<Long> seen = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      QueueItem item = review.next(d.getId(), seen).orElseThrow();
      seen.add(item.sampleId());
      review.release(item);
      int row = item.sampleIndex();
      flippedInTop += data.truth()[row].equals(data.given()[row]) ? 0 : 1;
    }
    long flipped =
        IntStream.range(0, 400).filter(i -> !data.truth()[i].equals(data.given()[i])).count();
    assertThat(flippedInTop)
        .as("flipped rows among the first 20 of the queue (%d flipped of 400)", flipped)
        .isGreaterThanOrEqualTo(15);

    QueueItem first = review.next(d.getId(), List.of()).orElseThrow();
    var lines = tableSamples.compare(first.sampleId(), 0, 1);
    assertThat(lines)
        .extracting(TableSamples.Line::column)
        .containsExactly("width", "colour", "height");
    assertThat(Double.parseDouble(lines.get(2).givenClass()))
        .isCloseTo(SyntheticTable.MEAN_A, within(1.5));
    assertThat(Double.parseDouble(lines.get(2).suggestedClass()))
        .isCloseTo(SyntheticTable.MEAN_A + 10, within(1.5));
    assertThat(lines.get(1).givenClass()).isEqualTo("red");
    assertThat(lines.get(1).suggestedClass()).isEqualTo("blue");

    int other = 1 - first.currentLabel();
    review.decide(first, ReviewAction.CORRECT, other);
    var out = new ByteArrayOutputStream();
    export.write(d.getId(), out);
    List<String> exported = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> original = Files.readAllLines(file);
    assertThat(exported).hasSameSizeAs(original);
    for (int i = 0; i < original.size(); i++) {
      String expected = original.get(i);
      if (i == first.sampleIndex() + 1) {
        String[] cells = expected.split(",", -1);
        cells[3] = other == 0 ? "a" : "b";
        expected = String.join(",", cells);
      }
      assertThat(exported.get(i)).isEqualTo(expected);
    }
  }

  @Test
  void aBadRowLeavesNothingAndOnlyAdminsImport() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    String good = SyntheticTable.generate(1500, 0, 3).csv();
    Path bad = Files.writeString(dir.resolve("bad.csv"), good.replace("r1400,", "r1400,wide,"));

    assertThatThrownBy(
            () ->
                tables.importFile("bad-" + RUN, bad, "bad.csv", new TableOptions(null, "id", null)))
        .isInstanceOf(TextFormatException.class)
        .hasMessage("bad.csv, line 1402: 6 cells where the header has 5 (missing cell?)");
    assertThat(datasets.findByName("bad-" + RUN)).isEmpty();

    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    Path file = Files.writeString(dir.resolve("good.csv"), good);
    assertThatThrownBy(
            () -> tables.importFile("anna-" + RUN, file, "good.csv", TableOptions.standard()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(datasets.findByName("anna-" + RUN)).isEmpty();
  }

  @Test
  void aTableImportsInTheBackgroundTellingItsRowsAndThenQueuesItsRun() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path file = SyntheticTable.generate(2_500, 0.1, 5).write(dir.resolve("background.csv"));
    List<Integer> written = new CopyOnWriteArrayList<>();
    AtomicReference<Dataset> then = new AtomicReference<>();

    Dataset d =
        imports
            .importTable(
                "background-" + RUN,
                file,
                "background.csv",
                new TableOptions("label", "id", Set.of()),
                (rows, total) -> {
                  assertThat(total).isEqualTo(2_500);
                  written.add(rows);
                },
                then::set)
            .get(2, TimeUnit.MINUTES);

    assertThat(written).containsExactly(0, 1_000, 2_000, 2_500);
    assertThat(then.get().getId()).isEqualTo(d.getId());
    assertThat(datasets.overview(d.getId()).samples()).isEqualTo(2_500);
  }

  @Test
  void aTableImportToldToStopBetweenBatchesKeepsNothing() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path file = SyntheticTable.generate(2_500, 0.1, 5).write(dir.resolve("stopped.csv"));
    AtomicBoolean stop = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                tables.importFile(
                    "stopped-" + RUN,
                    file,
                    "stopped.csv",
                    new TableOptions("label", "id", Set.of()),
                    (rows, total) -> stop.set(rows >= 1_000),
                    stop::get))
        .isInstanceOf(ImportStoppedException.class)
        .hasMessage("stopped after 1,000 rows");
    assertThat(datasets.findByName("stopped-" + RUN)).isEmpty();
  }

  private TrainingRun train(long datasetId) throws InterruptedException {
    var asked =
        RunSettings.builder()
            .epochs(10)
            .batchSize(32)
            .learningRate(1e-2f)
            .seed(7)
            .device(DeviceChoice.CPU)
            .model(ModelKind.CNN)
            .build();
    long runId = runs.retrain(datasetId, asked, "admin").getId();
    TrainingRun done = RunWaits.finished(runs, runId, Duration.ofSeconds(240));
    assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    return done;
  }
}

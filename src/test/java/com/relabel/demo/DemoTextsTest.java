package com.relabel.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetRows;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.ImportBoard;
import com.relabel.training.TrainingRuns;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo imports a small set of real e-mails beside MNIST (issue 15): through the text import,
 * with the seeded flips in the labels and the true labels kept aside, and queues a first run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-texts;DB_CLOSE_DELAY=-1",
      "relabel.demo.sample-limit=100",
      "relabel.demo.text-limit=200",
      "relabel.jobs.enabled=false"
    })
@ActiveProfiles("demo")
class DemoTextsTest {

  /** What the application held when it was ready to take requests (after the demo's runner). */
  @TestConfiguration
  static class AtReady {
    volatile boolean textsThere;
    volatile boolean importRunning;
    volatile List<String> onTheBoard = List.of();

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent ready) {
      var context = ready.getApplicationContext();
      textsThere =
          context.getBean(DatasetService.class).findByName(DemoTextImport.DATASET).isPresent();
      importRunning = !context.getBean(DemoTextImport.class).running().isDone();
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  "anna", null, AuthorityUtils.createAuthorityList("ROLE_ANNOTATOR")));
      try {
        onTheBoard =
            context.getBean(ImportBoard.class).current().stream()
                .map(s -> s.name() + " by " + s.startedBy())
                .toList();
      } finally {
        SecurityContextHolder.clearContext();
      }
    }
  }

  @Autowired AtReady atReady;
  @Autowired DatasetService datasets;
  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoData demo;
  @Autowired DemoTextImport texts;

  @BeforeEach
  void waitForTheTexts() throws Exception {
    texts.running().get(3, TimeUnit.MINUTES);
  }

  /**
   * Start-up does not wait for the encoder: when the application takes its first request the texts
   * are still being imported in the background, and the dataset is not there yet.
   */
  @Test
  void startUpDoesNotWaitForTheTexts() {
    assertThat(atReady.importRunning).as("the text import still running at start-up").isTrue();
    assertThat(atReady.textsThere).as("the text dataset already there at start-up").isFalse();
    assertThat(atReady.onTheBoard)
        .as("the start page's running imports")
        .containsExactly(DemoTextImport.DATASET + " by system");
  }

  @Test
  void theDemoHoldsTheEmailsWithTenPercentOfTheirLabelsFlippedAndTheTrueOnesAside() {
    var spam = datasets.findByName(DemoTextImport.DATASET).orElseThrow();
    long id = spam.getId();
    assertThat(datasets.classNames(id)).containsExactly("ham", "spam");
    assertThat(count("select count(*) from sample where dataset_id = ?", id)).isEqualTo(200);
    assertThat(
            count(
                "select count(*) from sample s join sample_truth t on t.sample_id = s.id"
                    + " where s.dataset_id = ?",
                id))
        .isEqualTo(200);
    assertThat(
            count(
                "select count(*) from sample s join sample_truth t on t.sample_id = s.id"
                    + " where s.dataset_id = ? and t.true_label <> s.original_label",
                id))
        .isEqualTo(20);
    assertThat(
            count(
                "select count(*) from sample_content c join sample s on s.id = c.sample_id"
                    + " where s.dataset_id = ? and c.text_body like '%'",
                id))
        .isEqualTo(200);
    assertThat(runs.history(id)).hasSize(1);
  }

  @Test
  void aRestartFindsTheTextsInPlace() throws Exception {
    demo.run(new DefaultApplicationArguments());
    assertThat(count("select count(*) from dataset where name = ?", DemoTextImport.DATASET))
        .isEqualTo(1);
  }

  @Test
  void truthForOnlySomeSamplesIsRefusedWithTheSampleNamed() {
    var spam = datasets.findByName(DemoTextImport.DATASET).orElseThrow();
    long before = count("select count(*) from sample_truth");
    assertThatThrownBy(
            () ->
                importer.recordTruth(
                    spam.getId(), List.of(new DatasetImporter.Truth("nope", "ham")).iterator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample #0")
        .hasMessageContaining("'nope'");
    assertThat(count("select count(*) from sample_truth")).isEqualTo(before);
  }

  /**
   * The truth of 2,500 samples is written batch by batch: when the 1,001st true label is asked for,
   * the first 1,000 are already written (nothing holds the whole dataset), and every row matches; a
   * wrong id in the third batch leaves nothing written.
   */
  @Test
  void truthIsStreamedBatchByBatchAndEveryRowMatches() {
    int n = 2500;
    var rows = new DatasetRows(jdbc, 1000);
    long id = rows.imageDataset("Truth stream", 3, 1, 1, 1, "test");
    rows.classNames(id, List.of("a", "b", "c"));
    int[] labels = IntStream.range(0, n).map(i -> i % 3).toArray();
    rows.samples(id, labels, i -> "s" + i);
    String truthRows =
        "select count(*) from sample_truth t join sample s on s.id = t.sample_id"
            + " where s.dataset_id = ?";

    Iterator<DatasetImporter.Truth> wrongAt2400 =
        IntStream.range(0, n)
            .mapToObj(i -> new DatasetImporter.Truth(i == 2400 ? "x" : "s" + i, "a"))
            .iterator();
    assertThatThrownBy(() -> importer.recordTruth(id, wrongAt2400))
        .hasMessageContaining("sample #2400 is 's2400'");
    assertThat(count(truthRows, id)).isZero();

    List<String> names = List.of("a", "b", "c");
    long[] writtenWhenAskedFor1000 = {-1};
    Iterator<DatasetImporter.Truth> truth =
        IntStream.range(0, n)
            .mapToObj(
                i -> {
                  if (i == 1000) {
                    writtenWhenAskedFor1000[0] = count(truthRows, id);
                  }
                  return new DatasetImporter.Truth("s" + i, names.get((i + 1) % 3));
                })
            .iterator();
    importer.recordTruth(id, truth);
    assertThat(writtenWhenAskedFor1000[0]).isEqualTo(1000);
    assertThat(count(truthRows, id)).isEqualTo(n);
    assertThat(
            count(
                truthRows
                    + " and t.true_label = mod(s.original_label + 1, 3)"
                    + " and s.external_id = concat('s', s.sample_index)",
                id))
        .isEqualTo(n);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}

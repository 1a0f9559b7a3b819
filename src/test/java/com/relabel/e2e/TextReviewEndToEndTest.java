package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A text dataset in real Chromium: an admin uploads it through the import page, the reviewer sees a
 * sample's text (markup in it shown as written, never interpreted) where an image sample shows its
 * picture, corrects its label with a digit key, and the queue grid shows text snippets instead of
 * thumbnails.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:e2e-text;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.demo.sample-limit=100",
      "relabel.training.epochs=1",
      "relabel.training.folds=0",
      "relabel.jobs.poll-interval=200ms",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextReviewEndToEndTest {

  static final String MARKUP = "<b>not bold</b> & <i>kept</i> as written";

  @LocalServerPort int port;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;

  BrowserSession browser;
  String baseUrl;
  long datasetId;
  long markupSample;
  int markupIndex;

  /**
   * The texts go through the import page's upload form, as an admin's would (on PostgreSQL too:
   * issue 15), which encodes them in the background and queues their first run.
   */
  @BeforeAll
  void importTextsAndTrain() throws Exception {
    baseUrl = "http://localhost:" + port;
    DemoDataset.awaitFirstRun(datasets, runs); // the demo's own run first: one run per process
    Path csv = SyntheticTexts.generate(60, 3, 0.1, 9).writeCsv(Files.createTempFile("t", ".csv"));
    Files.writeString(
        csv, "markup,\"" + MARKUP + "\nsecond line\",sport\n", StandardOpenOption.APPEND);
    browser = new BrowserSession();
    try (BrowserContext admin = browser.browser.newContext()) {
      Page page = admin.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      new TextImportPage(page).submit(baseUrl, "Topics", csv).awaitStartPage(baseUrl, 120_000);
    } finally {
      Files.delete(csv);
    }
    datasetId = datasets.findByName("Topics").orElseThrow().getId();
    long runId = runs.history(datasetId).getFirst().getId();
    TrainingRun run = RunWaits.finished(runs, runId, Duration.ofMinutes(2));
    assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.getModel()).isEqualTo("mlp");
    markupSample =
        jdbc.queryForObject(
            "select id from sample where dataset_id = ? and external_id = 'markup'",
            Long.class,
            datasetId);
    markupIndex =
        jdbc.queryForObject(
            "select sample_index from sample where id = ?", Integer.class, markupSample);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aReviewerReadsTheTextAndCorrectsItsLabel() {
    BrowserContext context =
        browser.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000));
    try {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("anna", "anna");
      var review = new ReviewPage(page).openSample(baseUrl, datasetId, markupIndex);

      assertThat(review.sampleText()).isVisible();
      assertThat(review.image()).isHidden();
      assertThat(review.sampleText()).containsText(MARKUP);
      assertThat(review.sampleText()).containsText("second line");
      assertThat(page.locator("#sample-text b")).hasCount(0);
      assertThat(review.givenLabel()).hasText("sport");
      assertThat(page.locator("#neighbours .neighbour-text").first()).isVisible();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("review-text-sample.png")));

      review.pressKey("0"); // classes sorted: money, space, sport
      assertThat(review.decidedCount()).hasText("1");
      assertThat(
              jdbc.queryForList(
                  "select status || ':' || current_label from sample where id = ?",
                  String.class,
                  markupSample))
          .containsExactly("CORRECTED:0");

      page.navigate(baseUrl + "/queue/" + datasetId);
      // a busy machine takes a while for the grid's first page
      assertThat(page.locator("#queue-grid .grid-text").first())
          .containsText(
              Pattern.compile("\\w+"),
              new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
      assertThat(page.locator("#queue-grid img.grid-thumb")).hasCount(0);
    } finally {
      context.close();
    }
  }
}

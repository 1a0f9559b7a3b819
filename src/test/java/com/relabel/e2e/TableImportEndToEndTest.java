package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SyntheticTable;
import com.relabel.training.TrainingRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin imports a feature table in the browser (decision 0045): a bad number is refused by
 * file, line and column and imports nothing; a good table is imported and trained, and a reviewer
 * at 1024 wide sees the row's values beside the typical values of its class and the suggested one.
 * Same context as {@link EmbeddingsEndToEndTest}, so Spring reuses it.
 */
@DemoApp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableImportEndToEndTest {

  /** Dataset names stay unique in a database that outlives the test (PostgreSQL). */
  static final String NAME = "Table import " + System.currentTimeMillis();

  @LocalServerPort int port;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;

  BrowserSession browser;
  String baseUrl;

  @BeforeAll
  void startBrowser() throws Exception {
    baseUrl = "http://localhost:" + port;
    DemoDataset.awaitFirstRun(datasets, runs); // the demo's own run first: one run per process
    browser = new BrowserSession();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void adminImportsATableAndAReviewerSeesTheRowBesideItsClasses(@TempDir Path dir)
      throws Exception {
    String csv = SyntheticTable.generate(200, 0.1, 4).csv();
    Path bad = Files.writeString(dir.resolve("shapes-bad.csv"), csv.replace("r5,", "r5,wide"));
    Path good = Files.writeString(dir.resolve("shapes.csv"), csv);

    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");

      importTable(page, bad);
      assertThat(page.locator("#table-import-error"))
          .containsText("shapes-bad.csv, line 7, column 'width': 'wide");
      assertThat(page.locator("#table-import-error")).containsText("Nothing was imported");
      assertThat(datasets.findByName(NAME)).isEmpty();

      importTable(page, good);
      page.waitForURL(baseUrl + "/");
    }
    Dataset table = datasets.findByName(NAME).orElseThrow();
    assertThat(table.getKind()).isEqualTo(DatasetKind.FEATURES);
    awaitActiveRun(table.getId());
    // the import ran in the background and queued exactly one run (the minimum-steps rule that a
    // small table's runs get is off in the suite: SmallDatasetStepsTest runs it)
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_run where dataset_id = ?",
                Integer.class,
                table.getId()))
        .isEqualTo(1);

    try (BrowserContext context =
        browser.browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 768))) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("anna", "anna");
      var review = new ReviewPage(page).open(baseUrl, table.getId());
      var rowTable = page.locator("#sample-table");
      assertThat(rowTable).isVisible();
      assertThat(review.image()).isHidden();
      assertThat(rowTable.locator("tbody th"))
          .containsText(new String[] {"width", "colour", "height"});
      assertThat(rowTable.locator("thead th").nth(2))
          .hasText(review.givenLabel().textContent() + " (given)");
      assertThat(TextFit.cutTexts(page.locator("#sample-table"), true)).isEmpty();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("review-table-sample-1024.png")));
    }
  }

  private void importTable(Page page, Path file) {
    page.navigate(baseUrl + "/import");
    page.locator("#table-import-name input").fill(NAME);
    page.locator("#table-import-id input").fill("id");
    page.locator("#table-import-file input[type=file]").setInputFiles(file);
    page.locator("#table-import-file vaadin-upload-file[complete]").waitFor();
    page.locator("#table-import-submit").click();
  }

  private void awaitActiveRun(long datasetId) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofMinutes(3));
    while (datasets.get(datasetId).getActiveRunId() == null) {
      assertThat(Instant.now()).as("the table's first run to finish").isBefore(end);
      Thread.sleep(500);
    }
  }
}

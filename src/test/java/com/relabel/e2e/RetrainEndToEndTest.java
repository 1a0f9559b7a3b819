package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * The retraining loop in real Chromium (demo profile on 200 MNIST images, real job engine and
 * training): the admin starts a run from the Retrain dialog and watches its pushed progress bar
 * move and finish, a second run is refused while it runs, an annotator's open queue says by itself
 * that it was re-ranked, and the runs view's pictures and the data map open the samples they show.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-retrain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainEndToEndTest extends DemoBrowserTest {

  long firstRunId;

  @BeforeAll
  void rememberTheFirstRun() throws Exception {
    firstRunId = DemoDataset.awaitFirstRun(datasets, runs).firstRun().getId();
  }

  @Test
  @Order(1)
  void adminRetrainsFromTheDialogWatchesPushedProgressAndTheAnnotatorsQueueIsReRanked() {
    BrowserContext annotatorContext = browser.browser.newContext();
    BrowserContext adminContext =
        browser.browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
    try {
      Page annotator = annotatorContext.newPage();
      new LoginPage(annotator, baseUrl).loginAs("anna", "anna");
      var review = new ReviewPage(annotator).open(baseUrl, datasetId);
      assertThat(annotator.locator("#rerank-banner")).isHidden();

      Page admin = adminContext.newPage();
      new LoginPage(admin, baseUrl).loginAs("admin", "admin");
      var start = new DatasetsPage(admin, datasetId).open(baseUrl);
      assertThat(start.card()).containsText("Run #" + firstRunId + " finished");

      start.openRetrain().epochs(60).batchSize(8).folds(0);
      admin.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("retrain-dialog.png")));
      start.startRun();

      // the bar appears at once and moves by itself (server push; no reload)
      start.progressBar().waitFor();
      double first = start.progressValue();
      start.awaitProgressAbove(first);
      double later = start.progressValue();
      assertThat(later).isGreaterThan(first);
      assertThat(start.progressText()).containsText("samples/s");
      admin.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("retrain-progress.png")));
      long newRunId = runs.history(datasetId).getFirst().getId();
      assertThat(newRunId).isGreaterThan(firstRunId);

      // a second run is refused clearly while this one is active
      start.openRetrain().startRun();
      assertThat(start.retrainError()).containsText("already queued or running");
      start.closeDialog();

      // it finishes: the card shows the new run, the annotator's queue says it was re-ranked
      assertThat(start.card())
          .containsText(
              "Run #" + newRunId + " finished",
              new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
      assertThat(start.progressBar()).hasCount(0);
      assertThat(annotator.locator("#rerank-banner"))
          .containsText(
              "re-ranked by training run #" + newRunId,
              new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
      assertThat(review.sampleIndex()).isVisible();
      assertThat(datasets.get(datasetId).getActiveRunId()).isEqualTo(newRunId);
    } finally {
      adminContext.close();
      annotatorContext.close();
    }
  }

  @Test
  @Order(2)
  void theRunsViewComparesRunsAndAConfusionCellOpensTheQueueGrid() {
    BrowserContext context = browser.browser.newContext();
    try {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      var view = new RunsPage(page).open(baseUrl, datasetId);
      // every finished run measured its accuracy on the samples it held out
      assertThat(view.grid()).containsText("Held-out acc.");
      assertThat(view.grid()).containsText(Pattern.compile("\\d+\\.\\d %"));
      // a click on a run opens its details: how its top of the queue compares with the run before
      view.status(firstRunId).click();
      assertThat(page.locator("#run-details-" + firstRunId)).containsText("First run");
      long newest = runs.history(datasetId).getFirst().getId();
      view.status(newest).click();
      assertThat(page.locator("#run-details-" + newest)).containsText("against run #");
      assertThat(view.histogram()).hasAttribute("data-rendered", "true");
      assertThat(view.confusion()).hasAttribute("data-rendered", "true");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(BrowserSession.SCREENSHOTS.resolve("runs-view.png")));

      List<Number> cell = view.clickFirstItem("confusion-matrix", 0);
      int suggested = cell.get(0).intValue();
      int given = cell.get(1).intValue();
      assertThat(page)
          .hasURL(
              Pattern.compile(
                  ".*/queue/"
                      + datasetId
                      + "\\?.*(given="
                      + given
                      + "&suggested="
                      + suggested
                      + "|suggested="
                      + suggested
                      + "&given="
                      + given
                      + ").*"),
              new PageAssertions.HasURLOptions().setTimeout(10_000));
    } finally {
      context.close();
    }
  }

  @Test
  @Order(3)
  void anAnnotatorIsRefusedTheRunsViewAndAPointOfTheDataMapOpensItsSample() {
    BrowserContext context = browser.browser.newContext();
    try {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("anna", "anna");
      // the runs view is for admins: the server does not render it for an annotator
      page.navigate(baseUrl + "/runs/" + datasetId);
      assertThat(page.locator("#runs-grid")).hasCount(0);
      assertThat(page.locator("#retrain-open")).hasCount(0);
      page.navigate(baseUrl + "/map/" + datasetId);
      assertThat(page.locator("#data-map")).hasAttribute("data-rendered", "true");
      int series =
          ((Number)
                  page.locator("#data-map")
                      .evaluate(
                          "el => echarts.getInstanceByDom(el).getOption().series"
                              + ".findIndex(s => s.data.length > 0)"))
              .intValue();
      List<Number> point = new RunsPage(page).clickFirstItem("data-map", series);
      long sampleIndex = point.get(2).longValue();
      assertThat(page)
          .hasURL(
              Pattern.compile(".*/review/" + datasetId + "\\?sample=" + sampleIndex + "$"),
              new PageAssertions.HasURLOptions().setTimeout(10_000));
    } finally {
      context.close();
    }
  }
}

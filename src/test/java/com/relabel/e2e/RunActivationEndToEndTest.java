package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.flow.TestDatasets;
import com.relabel.training.RunSettings;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Decision 0026 and the Runs table in real Chromium: a much weaker run finished "not active" with
 * its reason, the admin activates it from the Runs page after a dialog showing both runs' measures,
 * and the table fits 1400x900 without scrolling sideways (screenshots at 1400x900 and 1024x768).
 * Same context as {@link SpineEndToEndTest}, so Spring reuses it.
 */
@DemoApp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunActivationEndToEndTest {

  @LocalServerPort int port;
  @Autowired DatasetService datasets;
  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;

  BrowserSession browser;
  String baseUrl;
  long datasetId;
  TrainingRun strong;
  TrainingRun weak;

  @BeforeAll
  void trainAStrongAndAWeakRun() throws Exception {
    baseUrl = "http://localhost:" + port;
    DemoDataset.awaitFirstRun(datasets, runs);
    datasetId =
        importer
            .importImages(
                "activate-" + java.util.UUID.randomUUID(), TestDatasets.mnist(300), null, null, "t")
            .getId();
    strong =
        train(
            RunSettings.builder()
                .epochs(8)
                .batchSize(32)
                .seed(7)
                .device(DeviceChoice.CPU)
                .folds(0)
                .model(ModelKind.MLP)
                .build());
    // one epoch at a learning rate too small to learn: held back as worse
    weak =
        train(
            RunSettings.builder()
                .epochs(1)
                .batchSize(32)
                .learningRate(1e-7f)
                .seed(7)
                .device(DeviceChoice.CPU)
                .folds(0)
                .model(ModelKind.MLP)
                .build());
    assertThat(weak.getHeldBackReason()).as("the weak run is held back").isNotNull();
    browser = new BrowserSession();
    Files.createDirectories(BrowserSession.SCREENSHOTS);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theAdminActivatesAHeldBackRunAfterSeeingBothRunsMeasuresAndTheTableFits() {
    BrowserContext context =
        browser.browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
    try {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      var view = new RunsPage(page).open(baseUrl, datasetId);

      assertThat(view.status(weak.getId())).containsText("finished, not active");
      assertThat(view.status(weak.getId())).containsText("held-out accuracy");
      assertThat(view.activeBadge(strong.getId())).isVisible();
      assertThat(view.activateButton(strong.getId())).hasCount(0);
      assertThat(view.gridOverflow()).as("the runs table scrolls sideways at 1400x900").isZero();
      for (String header :
          List.of(
              "Run / when",
              "Status",
              "Model / settings",
              "Held-out acc.",
              "Errors (est.)",
              "Expected 100 / 1k",
              "Found / 100")) {
        assertThat(view.grid().getByText(header, new Locator.GetByTextOptions().setExact(true)))
            .isInViewport();
      }
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("runs-table-1400x900.png")));

      // the dataset's two runs compared (TwoRunsComparison): the newer against the older
      long newer = Math.max(weak.getId(), strong.getId());
      long older = Math.min(weak.getId(), strong.getId());
      assertThat(view.compareAll())
          .containsText("Run #" + newer + " against run #" + older + ": top ");

      var measures = view.openActivate(weak.getId());
      assertThat(measures).containsText("Run #" + weak.getId());
      assertThat(measures).containsText("Active run #" + strong.getId());
      assertThat(measures).containsText("Held-out accuracy");
      assertThat(measures)
          .containsText(String.format(java.util.Locale.ROOT, "%.3f", strong.getHeldOutAccuracy()));
      assertThat(measures).containsText("Corrections agreed");
      assertThat(page.locator("#activate-held-back")).containsText("held-out accuracy");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("runs-activate-dialog.png")));
      view.confirmActivate();

      assertThat(view.activeBadge(weak.getId()))
          .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
      assertThat(view.status(strong.getId())).containsText("finished, not active");
      assertThat(view.activateButton(strong.getId())).isVisible();
      assertThat(runs.rankingRunId(datasetId)).isEqualTo(weak.getId());
      assertThat(page.locator("#active-run-yield")).containsText("Run #" + weak.getId());

      page.setViewportSize(1024, 768);
      view.open(baseUrl, datasetId);
      assertThat(view.activeBadge(weak.getId())).isVisible();
      assertThat(view.gridOverflow()).as("the runs table scrolls sideways at 1024x768").isZero();
      assertThat(view.activateButton(strong.getId())).isInViewport();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("runs-table-1024x768.png")));
    } finally {
      context.close();
    }
  }

  private TrainingRun train(RunSettings settings) throws InterruptedException {
    TrainingRun run = runs.enqueue(datasetId, settings, "test");
    return RunWaits.finished(runs, run.getId(), Duration.ofMinutes(5));
  }
}

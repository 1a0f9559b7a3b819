package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.RequestOptions;
import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.DeviceChoice;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What a person does, in real Chromium against the real app (demo profile on a small MNIST slice,
 * real job engine and training): an annotator corrects a label with the keyboard, the admin sees it
 * in the audit trail and the CSV, and the annotator is refused the admin views by the server.
 */
@DemoAppSettings
@TestPropertySource(
    properties =
        // its own database: in three full-suite runs, on the e2e database that twelve other
        // classes' contexts share, the disabled user was not logged out at the reload; alone and
        // beside any one of those classes it was. The cause is not found yet (issue 13).
        "spring.datasource.url=jdbc:h2:mem:spine;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineEndToEndTest {

  @LocalServerPort int port;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;

  BrowserSession browser;
  BrowserContext context;
  Page page;
  String baseUrl;
  long datasetId;
  static String correctedSample;
  static String correctedTo;

  @BeforeAll
  void startBrowserAndAwaitFirstRun() throws Exception {
    baseUrl = "http://localhost:" + port;
    DemoDataset demo = DemoDataset.awaitFirstRun(datasets, runs);
    datasetId = demo.id();
    browser = new BrowserSession();
    Files.createDirectories(BrowserSession.SCREENSHOTS);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void newContext() {
    context =
        browser.browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions()
                .setAcceptDownloads(true)
                .setViewportSize(1280, 900));
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  @Test
  @Order(1)
  void annotatorCorrectsALabelWithTheKeyboardAndTheQueueMovesOn() {
    new LoginPage(page, baseUrl).loginAs("anna", "anna");
    var review = new ReviewPage(page).open(baseUrl, datasetId);
    assertThat(review.image()).isVisible();
    assertThat(review.decidedCount()).hasText("0");
    assertThat(page.locator("#suggested-probability")).containsText("p =");
    review.awaitImageLoaded();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserSession.SCREENSHOTS.resolve("review-sample.png")));

    String sample = review.sampleIndex().textContent();
    int given = Integer.parseInt(review.givenLabel().textContent().trim());
    int target = (given + 1) % 10;
    review.pressKey(Integer.toString(target));

    assertThat(review.sampleIndex()).not().hasText(sample);
    assertThat(review.decidedCount()).hasText("1");
    review.awaitImageLoaded();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserSession.SCREENSHOTS.resolve("review-queue-after-correction.png")));
    correctedSample = sample.replace("Sample #", "");
    correctedTo = Integer.toString(target);

    // Enter confirms the next one
    String next = review.sampleIndex().textContent();
    review.pressKey("Enter");
    assertThat(review.sampleIndex()).not().hasText(next);
    assertThat(review.decidedCount()).hasText("2");

    // U takes the confirmation back: the same sample is shown again, open
    review.pressKey("u");
    assertThat(review.sampleIndex()).hasText(next);
    assertThat(review.decidedCount()).hasText("1");

    // ? shows the shortcut sheet
    review.pressKey("Shift+Slash");
    assertThat(page.locator("#shortcut-sheet")).containsText("Undo your last decision");
  }

  @Test
  @Order(2)
  void adminSeesTheAuditRowAndDownloadsTheCorrectedLabels() throws Exception {
    assertThat(correctedSample).as("the annotator test ran first").isNotNull();
    new LoginPage(page, baseUrl).loginAs("admin", "admin");
    page.navigate(baseUrl + "/audit");
    var grid = page.locator("#audit-grid");
    assertThat(grid).containsText("anna");
    assertThat(grid).containsText("CORRECT");
    assertThat(grid).containsText("CONFIRM");
    assertThat(grid).containsText("UNDO");

    // filter to anna's corrections; the CSV export carries the same filter
    page.locator("#audit-actor input").fill("anna");
    page.locator("#audit-action").click();
    page.locator("vaadin-select-item")
        .filter(new Locator.FilterOptions().setHasText("CORRECT"))
        .click();
    // the grid keeps hidden row elements around, so count rows by its item count
    page.waitForFunction("() => document.querySelector('#audit-grid').size === 1");
    assertThat(page.locator("#audit-export"))
        .hasAttribute("href", java.util.regex.Pattern.compile("action=CORRECT"));
    String href = page.locator("#audit-export").getAttribute("href");
    var auditCsv = page.request().get(baseUrl + "/" + href);
    assertThat(auditCsv.status()).isEqualTo(200);
    List<String> auditRows = auditCsv.text().lines().toList();
    assertThat(auditRows.getFirst()).startsWith("id,occurred_at,actor,action,");
    assertThat(auditRows).hasSize(2);
    assertThat(auditRows.get(1)).contains(",anna,CORRECT,");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve("audit.png")));

    page.navigate(baseUrl + "/");
    assertThat(page.locator("#dataset-" + datasetId)).containsText("Run #");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve("datasets.png")));
    Download download = page.waitForDownload(() -> page.locator("#export-" + datasetId).click());
    String csv = Files.readString(download.path());
    assertThat(csv)
        .startsWith(
            "sample_index,original_label,current_label,status,decided_by,decided_at,score\n");
    assertThat(csv)
        .containsPattern("(?m)^" + correctedSample + ",\\d+," + correctedTo + ",CORRECTED,anna,");
    assertThat(csv.lines().count()).isEqualTo(301);
  }

  @Test
  @Order(3)
  void anAnnotatorIsRefusedTheAdminViewsByTheServer() {
    new LoginPage(page, baseUrl).loginAs("anna", "anna");
    page.navigate(baseUrl + "/audit");
    assertThat(page.locator("#audit-grid")).hasCount(0);
    assertThat(page.locator("body")).not().containsText("CORRECT");

    var response = page.request().get(baseUrl + "/export/datasets/" + datasetId + "/labels.csv");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.text()).doesNotContain("sample_index");
    page.navigate(baseUrl + "/api-tokens");
    assertThat(page.locator("#tokens-grid")).hasCount(0);
    assertThat(page.locator("#new-token")).hasCount(0);
    var source = page.request().get(baseUrl + "/export/datasets/" + datasetId + "/source");
    assertThat(source.status()).isEqualTo(403);
  }

  @Test
  @Order(4)
  void adminImportsIdxFilesAndABadFileIsRefusedByName(@TempDir Path dir) throws Exception {
    LabeledImages data = BundledMnist.test().head(60);
    IdxWriter.write(data, dir.resolve("digits-images.gz"), dir.resolve("digits-labels.gz"));
    byte[] images = Files.readAllBytes(dir.resolve("digits-images.gz"));
    Files.write(dir.resolve("broken-images"), Arrays.copyOf(images, 10));

    new LoginPage(page, baseUrl).loginAs("admin", "admin");
    page.navigate(baseUrl + "/import");
    page.locator("#import-name input").fill("Uploaded digits");
    page.locator("#import-images input[type=file]").setInputFiles(dir.resolve("broken-images"));
    page.locator("#import-labels input[type=file]").setInputFiles(dir.resolve("digits-labels.gz"));
    assertThat(page.locator("#import-labels")).containsText("digits-labels.gz");
    page.locator("#import-submit").click();
    assertThat(page.locator("#import-error")).containsText("broken-images");
    assertThat(page.locator("#import-error")).containsText("Nothing was imported");
    assertThat(datasets.findByName("Uploaded digits")).isEmpty();

    page.navigate(baseUrl + "/import");
    page.locator("#import-name input").fill("Uploaded digits");
    page.locator("#import-images input[type=file]").setInputFiles(dir.resolve("digits-images.gz"));
    page.locator("#import-labels input[type=file]").setInputFiles(dir.resolve("digits-labels.gz"));
    assertThat(page.locator("#import-labels")).containsText("digits-labels.gz");
    assertThat(page.locator("#import-images")).containsText("digits-images.gz");
    page.locator("#import-submit").click();
    var card =
        page.locator("[id^=dataset-]")
            .filter(new Locator.FilterOptions().setHasText("Uploaded digits"));
    assertThat(card).containsText("60 samples");
  }

  @Test
  @Order(5)
  void anOpenQueueIsToldWhenARunReRanksIt() {
    new LoginPage(page, baseUrl).loginAs("ben", "ben");
    var review = new ReviewPage(page).open(baseUrl, datasetId);
    assertThat(page.locator("#rerank-banner")).isHidden();

    runs.enqueue(
        datasetId,
        RunSettings.builder().epochs(1).batchSize(64).seed(3).device(DeviceChoice.CPU).build(),
        "e2e");

    assertThat(page.locator("#rerank-banner"))
        .containsText("re-ranked", new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
    assertThat(review.sampleIndex()).isVisible();
  }

  @Test
  @Order(6)
  void adminCreatesAnAnnotatorAndDisablingLogsThemOut() {
    new LoginPage(page, baseUrl).loginAs("admin", "admin");
    page.navigate(baseUrl + "/users");
    page.locator("#new-user").click();
    page.locator("#new-user-name input").fill("carla");
    page.locator("#new-user-password input").fill("carla-secret-1");
    page.locator("#create-user").click();
    assertThat(page.locator("#users-grid")).containsText("carla");

    BrowserContext carlaContext = browser.browser.newContext();
    try {
      Page carla = carlaContext.newPage();
      new LoginPage(carla, baseUrl).loginAs("carla", "carla-secret-1");
      new ReviewPage(carla).open(baseUrl, datasetId);

      page.locator("#disable-carla").click();
      assertThat(page.locator("#enable-carla")).isVisible();

      carla.reload();
      assertThat(carla).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
      carla.locator("input[name='username']").fill("carla");
      carla.locator("input[name='password']").fill("carla-secret-1");
      carla
          .getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Log in"))
          .click();
      assertThat(carla).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
    } finally {
      carlaContext.close();
    }
  }

  @Test
  @Order(7)
  void theDataMapIsDrawnByEChartsFromItsWebJar() {
    new LoginPage(page, baseUrl).loginAs("anna", "anna");
    page.navigate(baseUrl + "/");
    page.locator("#map-" + datasetId).click();
    assertThat(page.locator("#data-map")).hasAttribute("data-rendered", "true");
    assertThat(page.locator("#data-map canvas").first()).isVisible();
    page.screenshot(
        new Page.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve("data-map.png")));
  }

  @Test
  @Order(8)
  void adminMakesAnApiTokenThatAPipelineUsesUntilItIsRevoked() {
    new LoginPage(page, baseUrl).loginAs("admin", "admin");
    page.navigate(baseUrl + "/api-tokens");
    page.locator("#new-token").click();
    page.locator("#new-token-name input").fill("nightly pipeline");
    page.locator("#create-token").click();
    String token = page.locator("#new-token-value input").inputValue();
    assertThat(token).startsWith("rlb_").hasSize(47);
    page.locator("#token-done").click();
    assertThat(page.locator("#tokens-grid")).containsText("nightly pipeline");
    assertThat(page.locator("#tokens-grid")).not().containsText(token.substring(10));

    // a pipeline: no cookies, only the token
    var pipeline = browser.browser.newContext();
    try {
      var withToken = RequestOptions.create().setHeader("Authorization", "Bearer " + token);
      var listed = pipeline.request().get(baseUrl + "/api/v1/datasets/" + datasetId, withToken);
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.text()).contains("\"samples\":300");

      page.locator("[id^=revoke-]").first().click();
      assertThat(page.locator("#tokens-grid")).containsText("revoked");
      var refused = pipeline.request().get(baseUrl + "/api/v1/datasets/" + datasetId, withToken);
      assertThat(refused.status()).isEqualTo(401);
    } finally {
      pipeline.close();
    }
  }

  @Test
  @Order(9)
  void adminScoresTheDatasetFromTheirOwnModelsPredictions(@TempDir Path dir) throws Exception {
    int[] labels = BundledMnist.train().head(300).labels();
    List<String> lines = new java.util.ArrayList<>();
    lines.add("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int i = 0; i < 300; i++) {
      StringBuilder row = new StringBuilder().append(i);
      for (int k = 0; k < 10; k++) {
        row.append(k == labels[i] ? ",0.91" : ",0.01");
      }
      lines.add(row.toString());
    }
    Path good = Files.write(dir.resolve("our-model.csv"), lines);
    lines.set(3, "2,0.5,0.5,0.5,0,0,0,0,0,0,0");
    Path bad = Files.write(dir.resolve("our-logits.csv"), lines);

    new LoginPage(page, baseUrl).loginAs("admin", "admin");
    var runsPage = new RunsPage(page).open(baseUrl, datasetId);
    page.locator("#predictions-open").click();
    page.locator("#predictions-upload input[type=file]").setInputFiles(bad);
    page.locator("#predictions-submit").click();
    assertThat(page.locator("#predictions-error")).containsText("our-logits.csv, line 4");
    assertThat(page.locator("#predictions-error")).containsText("Nothing was imported");
    page.keyboard().press("Escape");
    // the closed dialog stays in the page until the server has removed it, and a file set before
    // that can reach its hidden upload: the likeliest reading of a CI run (2026-12-06) in which
    // the new dialog's button never came on (not reproduced in 4 runs here)
    assertThat(page.locator("#predictions-upload")).hasCount(0);

    page.locator("#predictions-open").click();
    page.locator("#predictions-upload input[type=file]").setInputFiles(good);
    page.locator("#predictions-submit").click();
    assertThat(runsPage.grid()).containsText("imported");
    assertThat(runs.get(datasets.get(datasetId).getActiveRunId()).getKind()).isEqualTo("IMPORTED");
  }
}

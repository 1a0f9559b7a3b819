package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import com.relabel.review.ui.KeyboardHelp;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * The screens a new user found wanting (issue 14), at 1400x900 and at 1024x768, in real Chromium
 * against the real app (demo profile, 200 MNIST samples, one epoch): a refused or unknown address
 * answered inside the app, the shortcut sheet and the queue grid without cut-off text, one word per
 * status in grid, audit trail and export, a token copied to the clipboard, the detection results as
 * a table and the progress page before the first decision. Screenshots of each at both sizes.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-screens;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreensFitEndToEndTest extends DemoBrowserTest {

  /** The two window sizes every screen here is checked and photographed at. */
  static final List<int[]> SIZES = List.of(new int[] {1400, 900}, new int[] {1024, 768});

  /** A row of the queue grid below the first screenful (auto widths are measured on those). */
  static final int FAR_ROW = 40;

  @Test
  @Order(1)
  void progressBeforeTheFirstDecisionSaysSoInsteadOfEmptyAxes() {
    atBothSizes(
        "anna",
        (page, size) -> {
          page.navigate(baseUrl + "/progress/" + datasetId);
          assertThat(page.locator("#progress-empty")).containsText("No decisions yet");
          assertThat(page.locator("#progress-chart")).not().isVisible();
          assertThat(page.locator("#progress-grid")).not().isVisible();
          assertThat(page.locator("#progress-counts")).containsText("200 OPEN");
          shoot(page, "progress-no-decisions", size);
        });
  }

  @Test
  @Order(2)
  void theStartPageShowsTheDetectionResultsAsATable() {
    String evaluation =
        jdbc.queryForObject(
            "select evaluation from training_run where dataset_id = ? order by id limit 1",
            String.class,
            datasetId);
    Matcher ensemble =
        Pattern.compile("(?m)^ensemble: AUROC ([\\d.]+)\\s+AP ([\\d.]+)\\s+P@(\\d+) ([\\d.]+)")
            .matcher(evaluation);
    assertThat(ensemble.find()).as(evaluation).isTrue();
    long methods = evaluation.lines().filter(l -> l.contains(": AUROC ")).count();
    atBothSizes(
        "admin",
        (page, size) -> {
          page.navigate(baseUrl + "/");
          var table = page.locator("#detection-table");
          assertThat(table.locator("th"))
              .containsText(new String[] {"Method", "AUROC", "Average precision", "Precision at"});
          assertThat(table.locator("tbody tr")).hasCount((int) methods);
          // the figures are the run's own
          var row = page.locator("#detection-ensemble td");
          assertThat(row.nth(1)).hasText(ensemble.group(1));
          assertThat(row.nth(2)).hasText(ensemble.group(2));
          assertThat(row.nth(3)).hasText(ensemble.group(4));
          assertThat(table.locator("th").nth(3)).hasText("Precision at " + ensemble.group(3));
          assertThat(page.locator("#run-evaluation")).containsText("known errors");
          assertThat(page.locator("#run-evaluation")).not().hasCSS("font-family", "monospace");
          assertThat(TextFit.cutTexts(page.locator("#run-evaluation"), true)).isEmpty();
          shoot(page, "datasets-detection-table", size);
        });
  }

  @Test
  @Order(3)
  void anAnnotatorIsToldInsideTheAppThatAPageIsForAdmins() {
    List<String> adminOnly =
        List.of(
            "audit", "users", "api-tokens", "import", "runs/" + datasetId, "disputes/" + datasetId);
    atBothSizes(
        "anna",
        (page, size) -> {
          for (String path : adminOnly) {
            page.navigate(baseUrl + "/" + path);
            assertThat(page.locator("#access-denied")).containsText("This page is for admins");
            // inside the app: its navigation (an annotator's) and who is logged in
            assertThat(page.locator("#main-nav")).isVisible();
            assertThat(page.locator("#main-nav")).containsText("Datasets");
            assertThat(page.locator("#main-nav")).not().containsText("Audit trail");
            assertThat(page.locator("#current-user")).hasText("anna");
            // nothing of the refused view
            assertThat(page.locator("#audit-grid, #users-grid, #tokens-grid, #disputes-list"))
                .hasCount(0);
            assertThat(page.locator("body")).not().containsText("CORRECT");
            assertThat(page.locator("body")).not().containsText("Could not navigate");
          }
          shoot(page, "refused-admin-page", size);
          page.locator("#back-to-start").click();
          assertThat(page.locator("#dataset-" + datasetId)).isVisible();
          assertThat(page).hasURL(baseUrl + "/");
        });
  }

  @Test
  @Order(4)
  void anUnknownAddressIsSaidInsideTheApp() {
    atBothSizes(
        "anna",
        (page, size) -> {
          page.navigate(baseUrl + "/xyz");
          assertThat(page.locator("#page-not-found")).containsText("No page at /xyz");
          assertThat(page.locator("#main-nav")).isVisible();
          assertThat(page.locator("body")).not().containsText("Could not navigate");
          shoot(page, "no-such-page", size);
          page.locator("#back-to-start").click();
          assertThat(page.locator("#dataset-" + datasetId)).isVisible();
        });
  }

  @Test
  @Order(5)
  void theShortcutSheetShowsEveryLineInFull() {
    atBothSizes(
        "anna",
        (page, size) -> {
          new ReviewPage(page).open(baseUrl, datasetId);
          page.keyboard().press("Shift+Slash");
          var sheet = page.locator("#shortcut-sheet");
          assertThat(sheet).containsText("Pick the class by name: type to filter, Enter takes it");
          assertThat(sheet.locator("tbody tr")).hasCount(KeyboardHelp.SHORTCUTS.size());
          assertThat(sheet.locator("tbody tr").first()).isVisible();
          assertThat(TextFit.cutTexts(sheet, true)).isEmpty();
          shoot(page, "shortcut-sheet", size);
          page.keyboard().press("Escape");
        });
  }

  @Test
  @Order(6)
  void theQueueGridShowsStatusDateAndMethodsInFullAndInTheExportsWords() throws Exception {
    // anna confirms a sample that the grid shows below its first screenful
    int sampleIndex;
    try (var context = context(1400, 900)) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("anna", "anna");
      var grid = new QueueGridPage(page).openFromStartPage(baseUrl, datasetId);
      grid.scrollToRow(FAR_ROW);
      sampleIndex = Integer.parseInt(grid.row(FAR_ROW).get("Sample").substring(1));
      var review = new ReviewPage(page).openSample(baseUrl, datasetId, sampleIndex);
      review.awaitImageLoaded();
      review.pressKey("Enter");
      review.awaitEarlierInput();
      review.openSample(baseUrl, datasetId, sampleIndex);
      assertThat(review.history()).containsText("(CONFIRMED)");
      assertThat(review.decidedNotice()).containsText("status CONFIRMED");
    }
    atBothSizes(
        "admin",
        (page, size) -> {
          var grid = new QueueGridPage(page).openFromStartPage(baseUrl, datasetId);
          grid.awaitThumbnails();
          assertThat(TextFit.cutTexts(grid.grid(), false)).as("first rows").isEmpty();
          grid.scrollToRow(FAR_ROW);
          Map<String, String> row = grid.row(FAR_ROW);
          assertThat(row.get("Sample")).isEqualTo("#" + sampleIndex);
          assertThat(row.get("Status")).isEqualTo("CONFIRMED");
          assertThat(row.get("Decided by")).isEqualTo("anna");
          assertThat(row.get("Decided at")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
          assertThat(TextFit.cutTexts(grid.grid(), false)).as("around row " + FAR_ROW).isEmpty();
          TextFit.awaitAnimations(page);
          shoot(page, "queue-grid-decided-row", size);

          // the status filter offers the same words
          page.locator("#filter-status input").click();
          assertThat(page.locator("vaadin-multi-select-combo-box-item"))
              .containsText(
                  new String[] {"OPEN", "CONFIRMED", "CORRECTED", "EXCLUDED", "DISPUTED"});
          page.keyboard().press("Escape");
        });

    // the audit trail and the export write the same word for the same sample
    try (var context = context(1400, 900)) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      page.navigate(baseUrl + "/audit");
      page.locator("#audit-sample input").fill(Integer.toString(sampleIndex));
      page.locator("#audit-sample input").press("Enter");
      page.waitForFunction("() => document.querySelector('#audit-grid').size === 1");
      assertThat(page.locator("#audit-grid vaadin-grid-cell-content"))
          .containsText(new String[] {"Status", "CONFIRM", "CONFIRMED"});
      var csv = page.request().get(baseUrl + "/export/datasets/" + datasetId + "/labels.csv");
      assertThat(csv.text()).containsPattern("(?m)^" + sampleIndex + ",\\d+,\\d+,CONFIRMED,anna,");
    }
  }

  @Test
  @Order(7)
  void aNewTokenIsCopiedToTheClipboardAndWorks() {
    for (int[] size : SIZES) {
      try (var context =
          browser.browser.newContext(
              new Browser.NewContextOptions()
                  .setViewportSize(size[0], size[1])
                  .setPermissions(List.of("clipboard-read", "clipboard-write")))) {
        Page page = context.newPage();
        new LoginPage(page, baseUrl).loginAs("admin", "admin");
        var tokens = new ApiTokensPage(page).open(baseUrl).create("pipeline " + size[0]);
        String shown = tokens.shownToken().inputValue();
        assertThat(shown).startsWith("rlb_");
        tokens.copyButton().click();
        assertThat(tokens.copiedNotice()).isVisible();
        assertThat(tokens.clipboard()).isEqualTo(shown);
        TextFit.awaitAnimations(page);
        shoot(page, "api-token-copied", size);

        var withToken =
            RequestOptions.create().setHeader("Authorization", "Bearer " + tokens.clipboard());
        try (var pipeline = browser.browser.newContext()) {
          var answer = pipeline.request().get(baseUrl + "/api/v1/datasets/" + datasetId, withToken);
          assertThat(answer.status()).isEqualTo(200);
          assertThat(answer.text()).contains("\"samples\":200");
        }
      }
    }
  }

  /** Logs {@code user} in at each size and runs the check; closes each context after it. */
  private void atBothSizes(String user, java.util.function.BiConsumer<Page, int[]> check) {
    for (int[] size : SIZES) {
      try (var context = context(size[0], size[1])) {
        Page page = context.newPage();
        new LoginPage(page, baseUrl).loginAs(user, user);
        check.accept(page, size);
      }
    }
  }

  private BrowserContext context(int width, int height) {
    return browser.browser.newContext(
        new Browser.NewContextOptions().setViewportSize(width, height));
  }

  /** A screenshot of the window as {@code name-<width>.png} in target/screenshots. */
  static void shoot(Page page, String name, int[] size) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserSession.SCREENSHOTS.resolve(name + "-" + size[0] + ".png")));
  }
}

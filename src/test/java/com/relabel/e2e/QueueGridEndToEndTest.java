package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The queue grid in real Chromium against the real app (demo profile on 200 MNIST samples, one
 * epoch, no cross-validation): an annotator filters by given label, selects everything matching,
 * and excludes it in bulk after a confirmation that says how many samples it touches.
 */
@QuickDemoApp
@TestPropertySource(
    properties = "spring.datasource.url=jdbc:h2:mem:e2e-grid;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class QueueGridEndToEndTest extends DemoBrowserTest {

  @Test
  void annotatorFiltersSelectsEverythingMatchingAndExcludesItInBulk() {
    try (BrowserContext context =
        browser.browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = context.newPage();
      new LoginPage(page, "http://localhost:" + port).loginAs("anna", "anna");
      var grid = new QueueGridPage(page).openFromStartPage("http://localhost:" + port, datasetId);
      assertThat(grid.matchCount()).hasText("200 match");
      grid.awaitThumbnails();

      grid.filterByGivenLabel("3");
      long threes = openWithGivenLabel(3);
      assertThat(threes).isGreaterThan(5);
      assertThat(grid.matchCount()).hasText(threes + " match");
      assertThat(page).hasURL(Pattern.compile(".*/queue/" + datasetId + "\\?given=3$"));
      grid.awaitThumbnails();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("queue-grid.png")));

      grid.selectAllMatching();
      assertThat(grid.selectionCount()).hasText("All " + threes + " matching selected");
      assertThat(grid.exclude()).containsText("Exclude " + threes + " samples?");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("queue-grid-bulk-confirm.png")));
      grid.confirm();

      assertThat(grid.result()).containsText(threes + " samples decided.");
      assertThat(grid.cellsWithText("EXCLUDED")).not().hasCount(0);
      assertThat(grid.cellsWithText("OPEN")).hasCount(0);
      assertThat(openWithGivenLabel(3)).isZero();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sample where dataset_id = ? and current_label = 3 and"
                      + " status = 'EXCLUDED' and decided_by = 'anna'",
                  Long.class,
                  datasetId))
          .isEqualTo(threes);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sample where dataset_id = ? and status <> 'OPEN'",
                  Long.class,
                  datasetId))
          .as("nothing else changed")
          .isEqualTo(threes);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from audit_entry where dataset_id = ? and actor = 'anna' and"
                      + " action = 'EXCLUDE' and old_status = 'OPEN' and new_status = 'EXCLUDED'",
                  Long.class,
                  datasetId))
          .isEqualTo(threes);
      assertThat(
              jdbc.queryForObject(
                  "select count(distinct sample_id) from audit_entry where dataset_id = ?",
                  Long.class,
                  datasetId))
          .isEqualTo(threes);

      // a double-click opens the sample in the one-at-a-time review
      grid.openFirstRow();
      page.waitForURL(Pattern.compile(".*/review/" + datasetId + "\\?sample=\\d+$"));
    }
  }

  private long openWithGivenLabel(int label) {
    return jdbc.queryForObject(
        "select count(*) from sample s join dataset d on d.id = s.dataset_id join sample_score sc"
            + " on sc.run_id = d.active_run_id and sc.sample_id = s.id"
            + " where d.id = ? and s.current_label = ? and s.status = 'OPEN'",
        Long.class,
        datasetId,
        label);
  }
}

package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.relabel.dataset.ImportBoard;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The start page lists every import running on the node, whoever started it (issue 13): an admin
 * starts a text import on the import page, a second admin's start page shows it with its progress
 * and who started it, pushed, and then the dataset in its place; a failed one shows its reason
 * until dismissed. Same context as {@link TextImportProgressEndToEndTest}.
 */
@DemoApp
class ImportsOnStartPageEndToEndTest extends DemoBrowserTest {

  /** Encoding 1,200 texts takes about a minute on the busy 2-core development machine. */
  private static final double SLOW = 240_000;

  @Autowired UserAccounts accounts;
  @Autowired ImportBoard board;

  @BeforeAll
  void aSecondAdmin() {
    accounts.createIfMissing("ada", "ada", Role.ADMIN);
  }

  @Test
  void anotherAdminSeesTheImportRunningThenItsDataset(@TempDir Path dir) throws Exception {
    assertThatThrownBy(board::current)
        .as("the board is for signed-in users only")
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    Path csv = SyntheticTexts.generate(1200, 3, 0, 13).writeCsv(dir.resolve("watched.csv"));
    try (BrowserContext starter = browser.browser.newContext();
        BrowserContext other = browser.browser.newContext()) {
      Page start = adaWatchesAdminImport(other, starter, "Watched topics", csv);

      Locator listed = start.locator("#running-imports");
      assertThat(listed)
          .containsText(
              "'Watched topics' (text)",
              new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      assertThat(listed).containsText("started by admin");
      assertThat(listed)
          .containsText(
              "Wrote 1,000 of 1,200", new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
      start.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("start-page-running-import.png")));

      // done: the line leaves and the dataset's card arrives, without a reload
      assertThat(start.locator("h3", new Page.LocatorOptions().setHasText("Watched topics")))
          .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW));
      assertThat(start.locator("[id^=running-import-]")).hasCount(0);
    }
    assertThat(datasets.findByName("Watched topics")).isPresent();
  }

  @Test
  void aFailedImportShowsItsReasonUntilDismissed(@TempDir Path dir) throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("broken.jsonl"),
            "{\"text\": \"fine\", \"label\": \"a\"}\nnot json\n{\"text\": \"b\", \"label\": \"b\"}\n");
    try (BrowserContext starter = browser.browser.newContext();
        BrowserContext other = browser.browser.newContext()) {
      Page start = adaWatchesAdminImport(other, starter, "Broken texts", bad);

      Locator failed =
          start.locator("[id^=failed-import-]", new Page.LocatorOptions().setHasText("Broken"));
      assertThat(failed).containsText("'Broken texts' (text) failed: broken.jsonl");
      assertThat(failed).containsText("line 2");
      assertThat(failed).containsText("started by admin");

      failed.locator("vaadin-button").click();
      assertThat(failed).hasCount(0);
      start.reload();
      assertThat(start.locator("h2")).hasText("Datasets");
      assertThat(failed).hasCount(0);
    }
  }

  /**
   * Ada opens the start page in {@code other}, then admin starts importing {@code file} in {@code
   * starter}; returns Ada's start page.
   */
  private Page adaWatchesAdminImport(
      BrowserContext other, BrowserContext starter, String name, Path file) {
    Page start = other.newPage();
    new LoginPage(start, baseUrl).loginAs("ada", "ada");
    start.navigate(baseUrl + "/");
    Page page = starter.newPage();
    new LoginPage(page, baseUrl).loginAs("admin", "admin");
    new TextImportPage(page).submit(baseUrl, name, file);
    return start;
  }
}

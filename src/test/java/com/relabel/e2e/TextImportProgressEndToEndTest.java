package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.relabel.dataset.SyntheticTexts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text import that encodes its texts shows how far it is while it runs (issue 15): "Encoded 1,000
 * of 2,000 texts" is pushed to the page and stays while the second thousand encode (with 1,100
 * texts the last hundred once went by too fast for the assertion to see), then the start page
 * opens; and it goes on when the admin closes the page. Same context as {@link
 * ImageImportEndToEndTest}, so Spring reuses it.
 */
@DemoApp
class TextImportProgressEndToEndTest extends DemoBrowserTest {

  /** Encoding 2,000 texts takes about two minutes on the busy 2-core development machine. */
  private static final double SLOW = 240_000;

  @Test
  void theImportSaysHowManyTextsAreEncodedWhileItEncodes(@TempDir Path dir) throws Exception {
    Path csv = SyntheticTexts.generate(2000, 3, 0, 9).writeCsv(dir.resolve("topics.csv"));
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      new TextImportPage(page).submit(baseUrl, "Encoded topics", csv);

      var progress = page.locator("#text-import-progress");
      // the count, or a refusal: a refused import hides the progress (its text stays) and says why
      page.waitForFunction(
          "() => (document.querySelector('#text-import-progress')?.textContent ?? '')"
              + ".includes('of 2,000')"
              + " || (document.querySelector('#text-import-error')?.textContent ?? '') !== ''",
          null,
          new Page.WaitForFunctionOptions().setTimeout(SLOW));
      assertThat(page.locator("#text-import-error")).hasText("");
      assertThat(progress).containsText("of 2,000 texts");
      assertThat(progress)
          .hasText(
              "Encoded 1,000 of 2,000 texts",
              new LocatorAssertions.HasTextOptions().setTimeout(SLOW));
      page.waitForURL(baseUrl + "/", new Page.WaitForURLOptions().setTimeout(SLOW));
    }
    long id = datasets.findByName("Encoded topics").orElseThrow().getId();
    assertThat(datasets.overview(id).samples()).isEqualTo(2000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_embedding e join sample s on s.id = e.sample_id"
                    + " where s.dataset_id = ?",
                Integer.class,
                id))
        .isEqualTo(2000);
  }

  /**
   * Closing the page does not cancel the import (the admin pressed Import): it goes on and its
   * dataset, with its first run queued, is on the start page when it is done. Before, the closed
   * page's next progress push failed inside the import and rolled it back.
   */
  @Test
  void anImportGoesOnWhenTheAdminClosesThePage(@TempDir Path dir) throws Exception {
    Path csv = SyntheticTexts.generate(1500, 3, 0, 11).writeCsv(dir.resolve("left.csv"));
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      new TextImportPage(page).submit(baseUrl, "Left behind", csv);
      assertThat(page.locator("#text-import-progress"))
          .containsText(
              "of 1,500 texts", new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
      page.close(new Page.CloseOptions().setRunBeforeUnload(true));

      long deadline = System.currentTimeMillis() + (long) SLOW;
      while (datasets.findByName("Left behind").isEmpty()
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
      }
      Page start = context.newPage();
      start.navigate(baseUrl + "/");
      assertThat(start.getByText("Left behind").first()).isVisible();
    }
    long id = datasets.findByName("Left behind").orElseThrow().getId();
    assertThat(datasets.overview(id).samples()).isEqualTo(1500);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_run where dataset_id = ?", Integer.class, id))
        .as("its first run")
        .isEqualTo(1);
  }
}

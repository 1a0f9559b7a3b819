package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Page object: the queue grid with its filters and bulk decisions. */
final class QueueGridPage {
  private final Page page;

  QueueGridPage(Page page) {
    this.page = page;
  }

  /** Opens the grid from the dataset's card on the start page. */
  QueueGridPage openFromStartPage(String baseUrl, long datasetId) {
    page.navigate(baseUrl + "/");
    page.locator("#grid-" + datasetId).click();
    page.waitForURL(Pattern.compile(".*/queue/" + datasetId + ".*"));
    grid().waitFor();
    return this;
  }

  Locator grid() {
    return page.locator("#queue-grid");
  }

  Locator matchCount() {
    return page.locator("#match-count");
  }

  Locator selectionCount() {
    return page.locator("#selection-count");
  }

  /** Types a class into the "Given label" box and picks it from the list. */
  void filterByGivenLabel(String label) {
    Locator input = page.locator("#filter-given input");
    input.click();
    input.fill(label);
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true))
        .click();
  }

  void selectAllMatching() {
    page.locator("#select-all-matching").click();
  }

  /** Clicks "Exclude" and returns the confirmation's question. */
  Locator exclude() {
    page.locator("#bulk-exclude").click();
    return page.locator("#bulk-question");
  }

  void confirm() {
    page.locator("#bulk-dialog-confirm").click();
  }

  Locator result() {
    return page.locator("#bulk-result");
  }

  /** The grid cells showing a status. */
  Locator cellsWithText(String text) {
    return page.locator("vaadin-grid-cell-content")
        .getByText(text, new Locator.GetByTextOptions().setExact(true));
  }

  /** Waits until the first thumbnail is decoded. */
  void awaitThumbnails() {
    page.waitForFunction(
        "() => { const i = document.querySelector('img.grid-thumb');"
            + " return i && i.complete && i.naturalWidth > 0; }");
  }

  /** Double-clicks the row of the first sample shown. */
  void openFirstRow() {
    page.locator("vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^#\\d+$")))
        .first()
        .dblclick();
  }
}

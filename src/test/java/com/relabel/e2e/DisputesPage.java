package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object: the admins' disputes queue of a dataset. */
final class DisputesPage {
  private final Page page;

  DisputesPage(Page page) {
    this.page = page;
  }

  DisputesPage open(String baseUrl, long datasetId) {
    page.navigate(baseUrl + "/disputes/" + datasetId);
    summary().waitFor();
    return this;
  }

  Locator summary() {
    return page.locator("#disputes-summary");
  }

  /** The card of a disputed sample, by its index in the dataset. */
  Locator dispute(String sampleIndex) {
    return page.locator("#dispute-" + sampleIndex);
  }

  /** Scrolls the lazy list of disputes to the {@code index}th dispute (0 = the first). */
  void scrollTo(int index) {
    page.locator("#disputes-list").evaluate("(grid, i) => grid.scrollToIndex(i)", index);
  }

  /** Decides the sample with the outcome whose button says {@code text}. */
  void resolve(String sampleIndex, String text) {
    dispute(sampleIndex)
        .locator("vaadin-button")
        .filter(new Locator.FilterOptions().setHasText(text))
        .click();
  }
}

package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object: an admin's Clean top K page ({@code clean/<dataset>}). */
final class CleanTopKPage {
  private final Page page;

  CleanTopKPage(Page page) {
    this.page = page;
  }

  CleanTopKPage open(String baseUrl, long datasetId) {
    page.navigate(baseUrl + "/clean/" + datasetId);
    page.locator("#clean-preview-button").waitFor();
    return this;
  }

  /** Sets both thresholds and asks for the preview. */
  void preview(double minScore, double minProbability) {
    fill("#clean-min-score", minScore);
    fill("#clean-min-probability", minProbability);
    page.locator("#clean-preview-button").click();
  }

  private void fill(String field, double value) {
    var input = page.locator(field + " input");
    input.fill(Double.toString(value));
    input.press("Tab"); // the field's value is sent when it loses the focus
  }

  Locator summary() {
    return page.locator("#clean-summary");
  }

  Locator previewGrid() {
    return page.locator("#clean-preview");
  }

  /** Accepts the suggestions, confirming in the dialog that says how many. */
  void apply() {
    page.locator("#clean-apply").click();
    page.locator("#bulk-dialog-confirm").click();
  }

  Locator question() {
    return page.locator("#bulk-question");
  }

  Locator result() {
    return page.locator("vaadin-notification-card")
        .filter(new Locator.FilterOptions().setHasText("corrected to their suggested label"));
  }
}

package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object: a dataset's card on the start page (admin controls). */
final class DatasetCardPage {
  private final Page page;
  private final long datasetId;

  DatasetCardPage(Page page, long datasetId) {
    this.page = page;
    this.datasetId = datasetId;
  }

  DatasetCardPage open(String baseUrl) {
    page.navigate(baseUrl + "/");
    page.locator("#dataset-" + datasetId).waitFor();
    return this;
  }

  /** Sets how many agreeing reviews make a label final, as the admin types it. */
  void setRequiredReviews(int n) {
    var input = page.locator("#required-reviews-" + datasetId + " input");
    input.fill(Integer.toString(n));
    input.press("Enter");
    // the notification's text shows in its card (the element with the id itself stays hidden)
    page.locator("vaadin-notification-card")
        .filter(
            new Locator.FilterOptions()
                .setHasText(n == 1 ? "One decision per sample" : n + " agreeing reviews"))
        .waitFor();
  }
}

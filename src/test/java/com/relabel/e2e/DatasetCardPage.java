package com.relabel.e2e;

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
    page.locator("#required-reviews-saved").waitFor();
  }
}

package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object: the one-sample-at-a-time review queue. */
final class ReviewPage {
  private final Page page;

  ReviewPage(Page page) {
    this.page = page;
  }

  ReviewPage open(String baseUrl, long datasetId) {
    page.navigate(baseUrl + "/review/" + datasetId);
    sampleIndex().waitFor();
    return this;
  }

  Locator sampleIndex() {
    return page.locator("#sample-index");
  }

  Locator givenLabel() {
    return page.locator("#given-label");
  }

  Locator suggestedLabel() {
    return page.locator("#suggested-label");
  }

  Locator decidedCount() {
    return page.locator("#decided-count");
  }

  Locator image() {
    return page.locator("#sample-image");
  }

  /** Waits until the browser has decoded the current sample's image. */
  void awaitImageLoaded() {
    page.waitForFunction(
        "() => { const i = document.querySelector('#sample-image');"
            + " return i && i.complete && i.naturalWidth > 0; }");
  }

  void pressKey(String key) {
    page.keyboard().press(key);
  }
}

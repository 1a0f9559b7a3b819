package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Page object: what several reviewers at once see on the review queue, beside {@link ReviewPage}:
 * the refusal when someone else decided first, and the consensus state after a vote.
 */
final class TeamReviewPage {
  private final Page page;

  TeamReviewPage(Page page) {
    this.page = page;
  }

  /** The warning shown when a decision was refused. */
  Locator message() {
    return page.locator("vaadin-notification-card")
        .filter(new Locator.FilterOptions().setHasText("not saved"));
  }

  /** "Your vote 1 of 2 recorded", "the votes disagree", ... */
  Locator consensusState() {
    return page.locator("#consensus-state");
  }

  /** Types a comment into the comment dialog (C) key by key, as a person does, and saves it. */
  void comment(String text) {
    page.locator("#comment-text textarea").pressSequentially(text);
    page.locator("#comment-save").click();
    page.locator("#comment-dialog")
        .waitFor(
            new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
  }

  /** The sample index shown, without the "Sample #" prefix. */
  String sampleIndex() {
    return page.locator("#sample-index").textContent().replace("Sample #", "").trim();
  }

  /**
   * Screenshots of the page at 1400x900 and at 1024x768, as {@code name-1400.png} and {@code
   * name-1024.png} in {@link BrowserSession#SCREENSHOTS}; the window keeps the smaller size.
   */
  void screenshots(String name) {
    screenshots(name, null);
  }

  /** As {@link #screenshots(String)}, with {@code shown} scrolled into view (the app scrolls). */
  void screenshots(String name, Locator shown) {
    for (int[] size : new int[][] {{1400, 900}, {1024, 768}}) {
      page.setViewportSize(size[0], size[1]);
      page.waitForTimeout(300); // Vaadin lays out again after the resize
      if (shown != null) {
        shown.scrollIntoViewIfNeeded();
      }
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(BrowserSession.SCREENSHOTS.resolve(name + "-" + size[0] + ".png")));
    }
  }
}

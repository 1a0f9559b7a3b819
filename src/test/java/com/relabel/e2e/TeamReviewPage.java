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

  /** The sample index shown, without the "Sample #" prefix. */
  String sampleIndex() {
    return page.locator("#sample-index").textContent().replace("Sample #", "").trim();
  }
}

package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

/** Page object: the admins' API tokens page and its "New token" dialog. */
final class ApiTokensPage {
  private final Page page;

  ApiTokensPage(Page page) {
    this.page = page;
  }

  ApiTokensPage open(String baseUrl) {
    page.navigate(baseUrl + "/api-tokens");
    page.locator("#new-token").waitFor();
    return this;
  }

  /** Makes a token for {@code purpose}; the dialog then shows it once. */
  ApiTokensPage create(String purpose) {
    return create(purpose, "Full");
  }

  /** Makes a token for {@code purpose} with this scope ("Full" or "Read-only"). */
  ApiTokensPage create(String purpose, String scope) {
    page.locator("#new-token").click();
    page.locator("#new-token-name input").fill(purpose);
    page.locator("#new-token-scope vaadin-radio-button")
        .filter(new Locator.FilterOptions().setHasText(scope + ":"))
        .locator("input")
        .check();
    page.locator("#create-token").click();
    shownToken().waitFor();
    return this;
  }

  Locator shownToken() {
    return page.locator("#new-token-value input");
  }

  /** Closes the dialog that showed the new token. */
  ApiTokensPage done() {
    page.locator("#token-done").click();
    shownToken().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    return this;
  }

  /** The cells of the tokens list, in order (headers first). */
  Locator cells() {
    return page.locator("#tokens-grid vaadin-grid-cell-content");
  }

  Locator copyButton() {
    return page.locator("#copy-token");
  }

  Locator copiedNotice() {
    return page.locator("vaadin-notification-card")
        .filter(new Locator.FilterOptions().setHasText("Copied"));
  }

  /** What the browser's clipboard holds (the context needs the clipboard-read permission). */
  String clipboard() {
    return (String) page.evaluate("() => navigator.clipboard.readText()");
  }
}

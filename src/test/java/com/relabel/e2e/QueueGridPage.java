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

  /** Scrolls the grid until row {@code index} (0 = the first) is drawn with its content. */
  void scrollToRow(int index) {
    grid().evaluate("(grid, i) => grid.scrollToIndex(i)", index);
    page.waitForFunction(
        "i => { const g = document.querySelector('#queue-grid');"
            + " return [...g.shadowRoot.querySelectorAll('#items [part~=\"row\"]')]"
            + ".some(r => r.index === i && !r.hidden"
            + " && [...r.querySelectorAll('slot')].some(s => s.assignedElements()"
            + ".some(c => /^#\\d+$/.test(c.textContent.trim())))); }",
        index);
  }

  /** Row {@code index}'s cells by column header ("Sample" to "#42"); null when it is not drawn. */
  @SuppressWarnings("unchecked")
  java.util.Map<String, String> row(int index) {
    return (java.util.Map<String, String>)
        grid()
            .evaluate(
                """
                (grid, index) => {
                  const shown = c => c.offsetWidth > 0;
                  const text = c => { const s = c.querySelector('slot');
                    const e = s && s.assignedElements()[0]; return e ? e.textContent.trim() : ''; };
                  const header = grid.shadowRoot.querySelector('#header [part~="row"]');
                  const names = [...header.querySelectorAll('[part~="cell"]')].filter(shown).map(text);
                  const row = [...grid.shadowRoot.querySelectorAll('#items [part~="row"]')]
                      .find(r => r.index === index && !r.hidden);
                  if (!row) return null;
                  const cells = [...row.querySelectorAll('[part~="cell"]')].filter(shown).map(text);
                  const out = {};
                  names.forEach((name, i) => { if (name) out[name] = cells[i]; });
                  return out;
                }
                """,
                index);
  }

  /** Double-clicks the row of the first sample shown. */
  void openFirstRow() {
    page.locator("vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^#\\d+$")))
        .first()
        .dblclick();
  }
}

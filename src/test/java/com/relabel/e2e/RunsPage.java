package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Page object: a dataset's runs view (its table, Activate and its dialog) with its pictures, and
 * the data map; chart clicks.
 */
final class RunsPage {
  private final Page page;

  RunsPage(Page page) {
    this.page = page;
  }

  RunsPage open(String baseUrl, long datasetId) {
    page.navigate(baseUrl + "/runs/" + datasetId);
    grid().waitFor();
    return this;
  }

  Locator grid() {
    return page.locator("#runs-grid");
  }

  /** The grid's cell that says a run's status (and why it does not rank the queue). */
  Locator status(long runId) {
    return page.locator("#run-status-" + runId);
  }

  /** The "active" badge of the run that ranks the queue. */
  Locator activeBadge(long runId) {
    return page.locator("#run-active-" + runId);
  }

  Locator activateButton(long runId) {
    return page.locator("#activate-run-" + runId);
  }

  /**
   * Ticks every run of the table (the selection column's "select all"), clicks "Compare the two
   * selected runs" and returns the comparison it writes.
   */
  Locator compareAll() {
    grid().locator("#selectAllCheckbox").click();
    page.locator("#compare-runs").click();
    return page.locator("#comparison-result");
  }

  /** Clicks Activate on run {@code runId}; returns the confirm dialog's table of measures. */
  Locator openActivate(long runId) {
    activateButton(runId).click();
    Locator measures = page.locator("#activate-measures");
    measures.waitFor();
    return measures;
  }

  void confirmActivate() {
    page.locator("#activate-confirm").click();
  }

  /**
   * How far the runs grid's own scroller reaches past its visible width, in pixels: 0 when every
   * column is visible without scrolling sideways.
   */
  int gridOverflow() {
    return ((Number)
            grid()
                .evaluate(
                    "g => { const t = g.shadowRoot.querySelector('#table');"
                        + " return Math.max(t.scrollWidth - t.clientWidth,"
                        + " g.scrollWidth - g.clientWidth,"
                        + " document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth); }"))
        .intValue();
  }

  Locator histogram() {
    return page.locator("#score-histogram");
  }

  Locator confusion() {
    return page.locator("#confusion-matrix");
  }

  /**
   * Clicks the first item of series {@code series} of the chart {@code chartId} (drawn by ECharts)
   * at its pixel position; returns the item's value as ECharts holds it.
   */
  @SuppressWarnings("unchecked")
  List<Number> clickFirstItem(String chartId, int series) {
    Locator chart = page.locator("#" + chartId);
    chart.locator("canvas").first().waitFor();
    chart.scrollIntoViewIfNeeded();
    var result =
        (java.util.Map<String, Object>)
            chart.evaluate(
                "(el, s) => { const c = echarts.getInstanceByDom(el);"
                    + " const item = c.getOption().series[s].data[0];"
                    + " const xy = c.convertToPixel({seriesIndex: s}, [item[0], item[1]]);"
                    + " return {x: xy[0], y: xy[1], value: item}; }",
                series);
    var box = chart.boundingBox();
    page.mouse()
        .click(
            box.x + ((Number) result.get("x")).doubleValue(),
            box.y + ((Number) result.get("y")).doubleValue());
    return (List<Number>) result.get("value");
  }
}

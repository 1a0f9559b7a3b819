package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** Page object: a dataset's runs view with its pictures, and the data map; chart clicks. */
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

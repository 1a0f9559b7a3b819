package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

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

  /** The text of a text sample, shown instead of the image. */
  Locator sampleText() {
    return page.locator("#sample-text");
  }

  /** The red, green and blue values of the decoded image's centre pixel, as the browser has it. */
  java.util.List<Integer> centrePixel() {
    @SuppressWarnings("unchecked")
    var rgb =
        (java.util.List<Number>)
            page.evaluate(
                "() => { const i = document.querySelector('#sample-image');"
                    + " const c = document.createElement('canvas');"
                    + " c.width = i.naturalWidth; c.height = i.naturalHeight;"
                    + " const g = c.getContext('2d'); g.drawImage(i, 0, 0);"
                    + " const d = g.getImageData(c.width >> 1, c.height >> 1, 1, 1).data;"
                    + " return [d[0], d[1], d[2]]; }");
    return rgb.stream().map(Number::intValue).toList();
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

  Locator confirmButton() {
    return page.locator("#confirm-button");
  }

  Locator excludeButton() {
    return page.locator("#exclude-button");
  }

  /** The notice that a key or click came for a sample no longer on screen, and changed nothing. */
  Locator staleInputNotice() {
    return message("no longer on screen");
  }

  /** A notification on the page that says {@code text}. */
  Locator message(String text) {
    return page.locator("vaadin-notification-card")
        .filter(new Locator.FilterOptions().setHasText(text));
  }

  /**
   * Waits until the server has handled every key and click so far: it handles them in order, so
   * once the shortcut sheet that "?" opens is shown, so are their effects. Closes the sheet again.
   */
  void awaitEarlierInput() {
    pressKey("Shift+Slash");
    page.locator("#shortcut-sheet")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    pressKey("Escape");
    page.locator("#shortcut-sheet")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
  }

  /**
   * Opens sample #{@code sampleIndex} (the number the views show), as links from other views do
   * ({@code ?sample=}).
   */
  ReviewPage openSample(String baseUrl, long datasetId, int sampleIndex) {
    page.navigate(baseUrl + "/review/" + datasetId + "?sample=" + sampleIndex);
    sampleIndex().waitFor();
    return this;
  }

  /** The number in the heading "Sample #N". */
  int shownSampleIndex() {
    return Integer.parseInt(sampleIndex().textContent().trim().replaceAll("^Sample #", ""));
  }

  Locator probabilityRows() {
    return page.locator("#top-probabilities .probability-row");
  }

  Locator methodVerdicts() {
    return page.locator("#method-verdicts .method-verdict");
  }

  Locator neighbours() {
    return page.locator("#neighbours .neighbour");
  }

  Locator history() {
    return page.locator("#sample-history");
  }

  Locator decidedNotice() {
    return page.locator("#decided-notice");
  }

  Locator nextImage() {
    return page.locator("#next-image");
  }

  /** The sample id the big image shows, read from its address. */
  long shownSampleId() {
    String src = image().getAttribute("src");
    return Long.parseLong(src.replaceAll(".*/(\\d+)\\.png$", "$1"));
  }

  /** Waits until the hidden pre-loaded image of the next sample is decoded; returns its src. */
  String awaitNextImageLoaded() {
    page.waitForFunction(
        "() => { const i = document.querySelector('#next-image');"
            + " return i && i.getAttribute('src') && i.complete && i.naturalWidth > 0; }");
    return nextImage().getAttribute("src");
  }

  /**
   * From now on, records the big image's natural width at the moment its address changes (a
   * mutation observer runs before the browser could fetch anything): above 0 only if the image was
   * loaded already.
   */
  void recordImageSwaps() {
    page.evaluate(
        "() => { window.__swaps = []; const img = document.querySelector('#sample-image');"
            + " new MutationObserver(() => window.__swaps.push({src: img.getAttribute('src'),"
            + " width: img.naturalWidth})).observe(img, {attributes: true,"
            + " attributeFilter: ['src']}); }");
  }

  /** The first recorded swap after {@link #recordImageSwaps}: {@code [src, naturalWidth]}. */
  Object[] firstImageSwap() {
    page.waitForFunction("() => window.__swaps && window.__swaps.length > 0");
    String src = (String) page.evaluate("() => window.__swaps[0].src");
    Number width = (Number) page.evaluate("() => window.__swaps[0].width");
    return new Object[] {src, width.intValue()};
  }
}

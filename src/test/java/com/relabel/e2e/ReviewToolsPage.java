package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * Page object: what the review screen offers besides decisions, the guidelines sheet (G) and the
 * closer look at the image (Z, the mouse wheel, contrast and brightness).
 */
final class ReviewToolsPage {
  private final Page page;

  ReviewToolsPage(Page page) {
    this.page = page;
  }

  Locator guidelinesSheet() {
    return page.locator("#guidelines-sheet");
  }

  /** The rendered guidelines (Markdown). */
  Locator guidelinesText() {
    return page.locator("#guidelines-text");
  }

  Locator noGuidelines() {
    return page.locator("#guidelines-none");
  }

  Locator zoomLevel() {
    return page.locator("#zoom-level");
  }

  Locator frame() {
    return page.locator("#image-frame");
  }

  Locator resetButton() {
    return page.locator("#look-reset");
  }

  /** The big image's size and place on screen, transforms included. */
  BoundingBox imageBox() {
    return page.locator("#sample-image").boundingBox();
  }

  /** Waits until the big image is drawn wider than {@code width} CSS pixels. */
  void awaitImageWiderThan(double width) {
    page.waitForFunction(
        "w => document.querySelector('#sample-image').getBoundingClientRect().width > w", width);
  }

  /** The mouse wheel turned over the image at {@code (fx, fy)} of the frame (fractions). */
  void wheelOverImage(double fx, double fy, double deltaY) {
    BoundingBox box = frame().boundingBox();
    page.mouse().move(box.x + fx * box.width, box.y + fy * box.height);
    page.mouse().wheel(0, deltaY);
  }

  /** Moves a slider (contrast or brightness) to {@code value}, as dragging it would. */
  void setSlider(String id, int value) {
    page.evaluate(
        "([id, v]) => { const s = document.getElementById(id); s.value = v;"
            + " s.dispatchEvent(new Event('input', {bubbles: true}));"
            + " s.dispatchEvent(new Event('change', {bubbles: true})); }",
        new Object[] {id, Integer.toString(value)});
  }

  /** The inline CSS filter of the big image. */
  String imageFilter() {
    return (String) page.evaluate("() => document.querySelector('#sample-image').style.filter");
  }

  /** Waits until the big image's CSS filter contains {@code part}. */
  void awaitImageFilter(String part) {
    page.waitForFunction(
        "p => document.querySelector('#sample-image').style.filter.includes(p)", part);
  }
}

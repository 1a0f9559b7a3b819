package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * One sample opened by its address, in real Chromium against the real app (demo profile, 200 MNIST
 * samples, one epoch): its top three classes, its neighbours (one click opens one), its history
 * after a decision and an undo, a read-only view once decided, the next image loaded before it is
 * needed, the class quick-pick, and the progress page.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-sample;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class SampleReviewEndToEndTest extends DemoBrowserTest {

  @Test
  void anAnnotatorOpensOneSampleSeesWhyAndWhatSurroundsItAndDecidesWithoutWaiting() {
    int sampleIndex =
        jdbc.queryForObject(
            "select min(sample_index) from sample where dataset_id = ? and status = 'OPEN'",
            Integer.class,
            datasetId);
    long sampleId = sampleIdAt(sampleIndex);
    BrowserContext context = tallContext();
    try {
      Page page = context.newPage();
      var review = asAnna(page).openSample(baseUrl, datasetId, sampleIndex);

      // the sample of the address, its top three classes and every method's verdict
      assertThat(review.sampleIndex()).hasText("Sample #" + sampleIndex);
      assertThat(review.shownSampleId()).isEqualTo(sampleId);
      assertThat(review.probabilityRows()).hasCount(3);
      assertThat(page.locator("#probability-0 .probability-value"))
          .hasText(Pattern.compile("[01]\\.\\d\\d"));
      assertThat(review.methodVerdicts().first()).containsText("#");
      assertThat(review.history()).containsText("No decisions yet");

      // eight neighbour thumbnails, every one loaded
      assertThat(review.neighbours()).hasCount(8);
      page.waitForFunction(
          "() => [...document.querySelectorAll('#neighbours img')]"
              + ".every(i => i.complete && i.naturalWidth > 0)");
      review.awaitImageLoaded();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("review-sample-context.png")));

      // the next sample's image is loaded before the decision, and shown at once after it
      String next = review.awaitNextImageLoaded();
      review.recordImageSwaps();
      review.pressKey("Enter");
      Object[] swap = review.firstImageSwap();
      assertThat(swap[0]).isEqualTo(next);
      assertThat((Integer) swap[1]).as("naturalWidth at the moment the image changed").isPositive();
      assertThat(page).not().hasURL(Pattern.compile(".*sample=.*"));

      // undo brings the sample back; its history has the decision and the undo
      review.pressKey("u");
      assertThat(review.image()).hasAttribute("src", "images/samples/" + sampleId + ".png");
      assertThat(review.history()).containsText("CONFIRM");
      assertThat(review.history()).containsText("UNDO");
      assertThat(review.history()).containsText("anna");

      // a decided sample opens read-only: the decision keys do nothing
      review.pressKey("Enter");
      assertThat(review.decidedCount()).hasText("1");
      review.openSample(baseUrl, datasetId, sampleIndex);
      assertThat(review.decidedNotice()).containsText("confirmed");
      review.pressKey("x");
      assertThat(page.locator("vaadin-notification-card").last()).containsText("read-only");
      assertThat(review.decidedCount()).hasText("1");

      // a neighbour opens with one click
      var neighbour = review.neighbours().first();
      int neighbourIndex = Integer.parseInt(neighbour.getAttribute("id").replace("neighbour-", ""));
      neighbour.click();
      assertThat(page).hasURL(Pattern.compile(".*[?&]sample=" + neighbourIndex + "$"));
      assertThat(review.sampleIndex()).hasText("Sample #" + neighbourIndex);
      assertThat(review.image())
          .hasAttribute("src", "images/samples/" + sampleIdAt(neighbourIndex) + ".png");

      // the quick-pick corrects to a class typed by name
      review.openSample(
          baseUrl,
          datasetId,
          jdbc.queryForObject(
              "select min(sample_index) from sample where dataset_id = ? and status = 'OPEN'",
              Integer.class,
              datasetId));
      int given = Integer.parseInt(review.givenLabel().textContent().trim());
      String target = Integer.toString((given + 1) % 10);
      review.pressKey("l");
      var pick = page.locator("#label-quick-pick-box input");
      pick.waitFor();
      pick.pressSequentially(target);
      page.locator("vaadin-combo-box-item")
          .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(target))
          .first()
          .waitFor();
      pick.press("Enter");
      assertThat(review.decidedCount()).hasText("2");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sample where dataset_id = ? and status = 'CORRECTED'"
                      + " and current_label = ? and decided_by = 'anna'",
                  Integer.class,
                  datasetId,
                  Integer.parseInt(target)))
          .isEqualTo(1);

      // progress: anna's two decisions today, and the errors left
      page.locator("#progress-link").click();
      assertThat(page.locator("#progress-grid")).containsText("anna");
      assertThat(page.locator("#errors-left")).containsText("wrong labels left");
      assertThat(page.locator("#progress-chart")).hasAttribute("data-rendered", "true");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("review-progress.png")));
    } finally {
      context.close();
    }
  }

  /**
   * One number names a sample everywhere (issue 14): the heading's "Sample #N", the address's
   * {@code ?sample=N}, a neighbour's number and the grid's "#N" are the same sample index, not the
   * database id the UI never shows.
   */
  @Test
  void oneNumberNamesASampleInTheAddressTheHeadingTheNeighboursAndTheGrid() {
    // a scored sample whose index is another sample's database id: read as an id, N is wrong
    int sampleIndex =
        jdbc.queryForObject(
            "select min(s.sample_index) from sample s join dataset d on d.id = s.dataset_id"
                + " join sample_score sc on sc.run_id = d.active_run_id and sc.sample_id = s.id"
                + " where d.id = ? and s.id <> s.sample_index and exists (select 1 from sample o"
                + " where o.dataset_id = d.id and o.id = s.sample_index)",
            Integer.class,
            datasetId);
    BrowserContext context = tallContext();
    try {
      Page page = context.newPage();
      var review = asAnna(page).openSample(baseUrl, datasetId, sampleIndex);
      assertThat(review.sampleIndex()).hasText("Sample #" + sampleIndex);
      assertThat(review.shownSampleId()).isEqualTo(sampleIdAt(sampleIndex));

      // a neighbour: the number on its tile is the one in the address and in the heading
      var neighbour = review.neighbours().first();
      int neighbourIndex =
          Integer.parseInt(neighbour.getAttribute("title").replaceAll("^Sample #(\\d+),.*$", "$1"));
      neighbour.click();
      assertThat(page).hasURL(Pattern.compile(".*[?&]sample=" + neighbourIndex + "$"));
      assertThat(review.sampleIndex()).hasText("Sample #" + neighbourIndex);
      assertThat(numberInAddress(page)).isEqualTo(review.shownSampleIndex());

      // the grid: the row "#N" opens Sample #N
      page.navigate(baseUrl + "/queue/" + datasetId);
      var row =
          page.locator("vaadin-grid-cell-content")
              .filter(
                  new com.microsoft.playwright.Locator.FilterOptions()
                      .setHasText(Pattern.compile("^#\\d+$")))
              .first();
      row.waitFor();
      int rowIndex = Integer.parseInt(row.textContent().trim().substring(1));
      new QueueGridPage(page).openFirstRow();
      assertThat(page)
          .hasURL(Pattern.compile(".*/review/" + datasetId + "\\?sample=" + rowIndex + "$"));
      assertThat(review.sampleIndex()).hasText("Sample #" + rowIndex);
      assertThat(review.shownSampleId()).isEqualTo(sampleIdAt(rowIndex));

      // an old bookmark with a number the dataset does not have: a clear notice, then the queue
      page.navigate(baseUrl + "/review/" + datasetId + "?sample=99999");
      assertThat(
              page.locator("vaadin-notification-card")
                  .filter(
                      new com.microsoft.playwright.Locator.FilterOptions()
                          .setHasText("No sample #99999 in this dataset")))
          .hasCount(1);
    } finally {
      context.close();
    }
  }

  private long sampleIdAt(int sampleIndex) {
    return jdbc.queryForObject(
        "select id from sample where dataset_id = ? and sample_index = ?",
        Long.class,
        datasetId,
        sampleIndex);
  }

  private static int numberInAddress(Page page) {
    return Integer.parseInt(page.url().replaceAll("^.*[?&]sample=(\\d+).*$", "$1"));
  }

  @Test
  void clickingAPointOfTheDataMapOpensThatSample() {
    BrowserContext context =
        browser.browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 1000));
    try {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("ben", "ben");
      page.navigate(baseUrl + "/map/" + datasetId);
      var map = page.locator("#data-map[data-rendered=true]");
      map.waitFor();
      // a point with no other point within 6 pixels, and where it is drawn
      @SuppressWarnings("unchecked")
      List<Number> point =
          (List<Number>)
              page.evaluate(
                  "() => { const c = echarts.getInstanceByDom(document.querySelector('#data-map'));"
                      + " const pts = []; c.getOption().series.forEach((s, si) => s.data.forEach("
                      + " v => { const p = c.convertToPixel({seriesIndex: si}, [v[0], v[1]]);"
                      + " pts.push([p[0], p[1], v[2]]); }));"
                      + " const lone = pts.find(a => pts.every(b => a === b"
                      + " || Math.hypot(a[0] - b[0], a[1] - b[1]) > 6));"
                      + " return lone; }");
      assertThat(point).as("a point standing alone").isNotNull();
      var box = map.boundingBox();
      page.mouse().click(box.x + point.get(0).doubleValue(), box.y + point.get(1).doubleValue());
      int sampleIndex = point.get(2).intValue();
      assertThat(page)
          .hasURL(Pattern.compile(".*/review/" + datasetId + "\\?sample=" + sampleIndex + "$"));
      assertThat(page.locator("#sample-index")).hasText("Sample #" + sampleIndex);
      assertThat(page.locator("#sample-image"))
          .hasAttribute("src", "images/samples/" + sampleIdAt(sampleIndex) + ".png");
    } finally {
      context.close();
    }
  }

  private BrowserContext tallContext() {
    return browser.browser.newContext(
        new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 1000));
  }

  private ReviewPage asAnna(Page page) {
    new LoginPage(page, baseUrl).loginAs("anna", "anna");
    return new ReviewPage(page);
  }
}

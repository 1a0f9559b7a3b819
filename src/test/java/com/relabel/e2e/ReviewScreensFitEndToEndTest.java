package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.relabel.dataset.DatasetService;
import com.relabel.training.TrainingRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The review screen, the queue grid and the progress page at 1400x900 and at 1024x768 (issue 14):
 * every part of the review screen, the model's top three classes first, inside the window and none
 * of its text cut off, and a screenshot of each screen at both sizes. Same application as {@link
 * ScreensFitEndToEndTest} (same properties, so one Spring context serves both).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:e2e-screens;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.demo.sample-limit=200",
      "relabel.training.epochs=1",
      "relabel.training.folds=0",
      "relabel.jobs.poll-interval=200ms",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewScreensFitEndToEndTest {

  /** The parts of the review screen that a reviewer needs to see to decide. */
  static final List<String> REVIEW_PARTS =
      List.of(
          "#sample-image",
          "#given-label",
          "#suggested-label",
          "#probability-0",
          "#probability-1",
          "#probability-2",
          "#method-verdicts",
          "#neighbours",
          "#confirm-button",
          "#correct-buttons",
          "#ranking-method");

  @LocalServerPort int port;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;

  BrowserSession browser;
  String baseUrl;
  long datasetId;

  @BeforeAll
  void awaitFirstRun() throws Exception {
    baseUrl = "http://localhost:" + port;
    datasetId = DemoDataset.awaitFirstRun(datasets, runs).id();
    browser = new BrowserSession();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void theReviewScreenShowsTheTopClassesAndEveryControlInsideTheWindow() {
    atBothSizes(
        (page, size) -> {
          var review = new ReviewPage(page).open(baseUrl, datasetId);
          review.awaitImageLoaded();
          assertThat(review.probabilityRows()).hasCount(3);
          TextFit.awaitAnimations(page);
          shoot(page, "review-screen", size);
          assertThat(outsideTheWindow(page, REVIEW_PARTS))
              .as("at %dx%d", size[0], size[1])
              .isEmpty();
          assertThat(TextFit.cutTexts(page.locator("#top-probabilities"), true)).isEmpty();
          assertThat(TextFit.cutTexts(page.locator("#sample-index").locator(".."), true)).isEmpty();
        });
  }

  @Test
  @Order(2)
  void theQueueGridAndTheProgressPageFitAfterSomeDecisions() {
    atBothSizes(
        (page, size) -> {
          var review = new ReviewPage(page).open(baseUrl, datasetId);
          review.awaitImageLoaded();
          review.pressKey("Enter");
          review.awaitEarlierInput();
          page.navigate(baseUrl + "/progress/" + datasetId);
          assertThat(page.locator("#progress-chart")).isVisible();
          TextFit.awaitAnimations(page);
          shoot(page, "progress-after-decisions", size);
          assertThat(TextFit.cutTexts(page.locator("#progress-counts"), true)).isEmpty();
          assertThat(outsideTheWindow(page, List.of("#progress-chart", "#progress-grid")))
              .isEmpty();

          var grid = new QueueGridPage(page).openFromStartPage(baseUrl, datasetId);
          grid.awaitThumbnails();
          TextFit.awaitAnimations(page);
          shoot(page, "queue-grid", size);
          assertThat(outsideTheWindow(page, List.of("#queue-grid", "#bulk-correct"))).isEmpty();
        });
  }

  /**
   * The selectors whose element reaches past the window's sides (the page may scroll down, never
   * sideways), with its box.
   */
  private static List<String> outsideTheWindow(Page page, List<String> selectors) {
    var viewport = page.viewportSize();
    List<String> outside = new ArrayList<>();
    for (String selector : selectors) {
      Locator part = page.locator(selector);
      assertThat(part).isVisible();
      var box = part.boundingBox();
      if (box.x < 0 || box.x + box.width > viewport.width + 1) {
        outside.add(
            "%s at x %.0f-%.0f, y %.0f-%.0f"
                .formatted(selector, box.x, box.x + box.width, box.y, box.y + box.height));
      }
    }
    return outside;
  }

  /** Logs anna in at each size and runs the check; closes each context after it. */
  private void atBothSizes(BiConsumer<Page, int[]> check) {
    for (int[] size : ScreensFitEndToEndTest.SIZES) {
      try (var context =
          browser.browser.newContext(
              new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
        Page page = context.newPage();
        new LoginPage(page, baseUrl).loginAs("anna", "anna");
        check.accept(page, size);
      }
    }
  }

  private static void shoot(Page page, String name, int[] size) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(BrowserSession.SCREENSHOTS.resolve(name + "-" + size[0] + ".png")));
  }
}

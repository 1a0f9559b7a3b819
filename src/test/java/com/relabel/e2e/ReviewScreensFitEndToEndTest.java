package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * The review screen, the queue grid and the progress page at 1400x900 and at 1024x768 (issue 14):
 * every part of the review screen, the model's top three classes first, inside the window and none
 * of its text cut off, and a screenshot of each screen at both sizes. Same application as {@link
 * ScreensFitEndToEndTest} (same properties, so one Spring context serves both).
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-screens;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewScreensFitEndToEndTest extends DemoBrowserTest {

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

  @Test
  @Order(1)
  void theReviewScreenShowsTheTopClassesAndEveryControlInsideTheWindow() {
    atBothSizes(
        (page, size) -> {
          var review = new ReviewPage(page).open(baseUrl, datasetId);
          review.awaitImageLoaded();
          assertThat(review.probabilityRows()).hasCount(3);
          TextFit.awaitAnimations(page);
          ScreensFitEndToEndTest.shoot(page, "review-screen", size);
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
          ScreensFitEndToEndTest.shoot(page, "progress-after-decisions", size);
          assertThat(TextFit.cutTexts(page.locator("#progress-counts"), true)).isEmpty();
          assertThat(outsideTheWindow(page, List.of("#progress-chart", "#progress-grid")))
              .isEmpty();

          var grid = new QueueGridPage(page).openFromStartPage(baseUrl, datasetId);
          grid.awaitThumbnails();
          TextFit.awaitAnimations(page);
          ScreensFitEndToEndTest.shoot(page, "queue-grid", size);
          assertThat(outsideTheWindow(page, List.of("#queue-grid", "#bulk-correct"))).isEmpty();
        });
  }

  /**
   * A near-duplicate pair with two labels (decision 0043), stored for the active run as a run would
   * store it: the grid's "near-duplicate, other label" filter shows both samples, and the review
   * screen's chip names the other sample and its label and opens it. The pair is removed after.
   */
  @Test
  @Order(3)
  void aNearDuplicateWithAnotherLabelIsAGridFilterAndAChipThatOpensTheOther() {
    long run = datasets.get(datasetId).getActiveRunId();
    List<Map<String, Object>> open =
        jdbc.queryForList(
            "select s.id, s.sample_index, s.current_label from sample s"
                + " join sample_score sc on sc.sample_id = s.id and sc.run_id = ?"
                + " where s.status = 'OPEN' order by s.sample_index",
            run);
    Map<String, Object> a = open.getFirst();
    Map<String, Object> b =
        open.stream()
            .filter(r -> !r.get("CURRENT_LABEL").equals(a.get("CURRENT_LABEL")))
            .findFirst()
            .orElseThrow();
    String pair =
        "insert into sample_issue (run_id, sample_id, kind, other_sample_id, distance)"
            + " values (?, ?, 'NEAR_DUPLICATE', ?, 0.001)";
    jdbc.update(pair, run, a.get("ID"), b.get("ID"));
    jdbc.update(pair, run, b.get("ID"), a.get("ID"));
    try {
      int withOtherLabel =
          jdbc.queryForObject(
              "select count(distinct i.sample_id) from sample_issue i"
                  + " join sample s on s.id = i.sample_id join sample o on o.id = i.other_sample_id"
                  + " where i.run_id = ? and i.kind = 'NEAR_DUPLICATE'"
                  + " and o.current_label <> s.current_label",
              Integer.class,
              run);
      atBothSizes(
          (page, size) -> {
            page.navigate(baseUrl + "/queue/" + datasetId + "?issue=DUPLICATE_OTHER_LABEL");
            var grid = new QueueGridPage(page);
            assertThat(grid.matchCount()).hasText(withOtherLabel + " match");
            assertThat(grid.cellsWithText("#" + a.get("SAMPLE_INDEX"))).hasCount(1);
            assertThat(grid.cellsWithText("#" + b.get("SAMPLE_INDEX"))).hasCount(1);

            new ReviewPage(page).openSample(baseUrl, datasetId, (Integer) a.get("SAMPLE_INDEX"));
            var chip = page.locator("#issue-duplicate-" + b.get("SAMPLE_INDEX"));
            assertThat(chip)
                .hasText(
                    "near-duplicate of #"
                        + b.get("SAMPLE_INDEX")
                        + ", labelled "
                        + b.get("CURRENT_LABEL"));
            assertThat(outsideTheWindow(page, List.of("#sample-issues"))).isEmpty();
            ScreensFitEndToEndTest.shoot(page, "review-near-duplicate", size);
            chip.click();
            assertThat(page.locator("#sample-index")).hasText("Sample #" + b.get("SAMPLE_INDEX"));
          });
    } finally {
      jdbc.update(
          "delete from sample_issue where run_id = ? and distance = 0.001 and sample_id in (?, ?)",
          run,
          a.get("ID"),
          b.get("ID"));
    }
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
}

package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A click and a key press each decide one sample, the one on screen when they happened (issue 13):
 * a clicked decision button keeps no hold on Enter, a key pressed while the server's answer to a
 * click is on its way decides nothing, since the sample it was meant for is decided already, and a
 * key held down decides once, not again each time the browser repeats it. The same holds for one
 * reviewer with the review screen open in two tabs: a key in the second tab for the sample the
 * first tab decided decides nothing, says so and moves on. In real Chromium against the real app
 * (demo profile, 200 MNIST samples, one epoch); the audit trail says what was decided.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-one-key;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class OneKeyOneDecisionEndToEndTest extends DemoBrowserTest {

  @Autowired UserAccounts accounts;

  @Test
  void clickingExcludeThenPressingEnterDecidesEachShownSampleOnce() {
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = signedIn(context, "anna");
      var review = new ReviewPage(page).open(baseUrl, datasetId);
      long first = review.shownSampleId();

      // Enter is pressed while the excluded sample is still on screen (a slow answer)
      try (var slow = new SlowConnection(page)) {
        review.excludeButton().click();
        review.pressKey("Enter");
      }
      assertThat(review.image()).not().hasAttribute("src", imageOf(first));
      review.awaitEarlierInput();
      long second = review.shownSampleId();
      decisionsOf("anna").containsExactly(tuple(first, "EXCLUDE"));
      assertThat(statusOf(second)).isEqualTo("OPEN");
      assertThat(review.staleInputNotice()).isVisible();

      // with the next sample on screen, Enter confirms it, not the button clicked before
      review.pressKey("Enter");
      assertThat(review.image()).not().hasAttribute("src", imageOf(second));
      review.awaitEarlierInput();
      decisionsOf("anna").containsExactly(tuple(first, "EXCLUDE"), tuple(second, "CONFIRM"));
      assertThat(statusOf(review.shownSampleId())).isEqualTo("OPEN");
    }
  }

  @Test
  void clickingConfirmThenPressingXNeverDecidesTheConfirmedSampleAgain() {
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = signedIn(context, "ben");
      var review = new ReviewPage(page).open(baseUrl, datasetId);
      long first = review.shownSampleId();

      // X pressed while the confirmed sample is still on screen decides nothing
      try (var slow = new SlowConnection(page)) {
        review.confirmButton().click();
        review.pressKey("x");
      }
      assertThat(review.image()).not().hasAttribute("src", imageOf(first));
      review.awaitEarlierInput();
      long second = review.shownSampleId();
      decisionsOf("ben").containsExactly(tuple(first, "CONFIRM"));
      assertThat(statusOf(second)).isEqualTo("OPEN");
      assertThat(review.staleInputNotice()).isVisible();

      // X pressed once the next sample is shown excludes that one, exactly once
      review.confirmButton().click();
      long third = awaitNextSample(review, second);
      review.pressKey("x");
      assertThat(review.image()).not().hasAttribute("src", imageOf(third));
      review.awaitEarlierInput();
      decisionsOf("ben")
          .containsExactly(
              tuple(first, "CONFIRM"), tuple(second, "CONFIRM"), tuple(third, "EXCLUDE"));
      assertThat(statusOf(review.shownSampleId())).isEqualTo("OPEN");
    }
  }

  @Test
  void holdingEnterDownConfirmsOnlyTheSampleShownWhenItWentDown() {
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = signedIn(context, "admin");
      var review = new ReviewPage(page).open(baseUrl, datasetId);
      long first = review.shownSampleId();

      // Enter goes down and stays down: the browser repeats it while the next sample comes up
      page.keyboard().down("Enter");
      long second = awaitNextSample(review, first);
      page.keyboard().down("Enter");
      page.keyboard().down("Enter");
      review.awaitEarlierInput();
      page.keyboard().up("Enter");
      decisionsOf("admin").containsExactly(tuple(first, "CONFIRM"));
      assertThat(statusOf(second)).isEqualTo("OPEN");
      assertThat(review.shownSampleId()).isEqualTo(second);

      // pressed again, it confirms the sample now shown
      review.pressKey("Enter");
      awaitNextSample(review, second);
      decisionsOf("admin").containsExactly(tuple(first, "CONFIRM"), tuple(second, "CONFIRM"));
    }
  }

  @Test
  void aSampleDecidedInOneTabIsNotDecidedAgainFromAnother() {
    try (BrowserContext context = browser.browser.newContext()) {
      // two tabs of one signed-in reviewer, a user of this test's own, so no other test's rows mix
      // in
      accounts.createIfMissing("cleo", "cleo", Role.ANNOTATOR);
      var tab1 = new ReviewPage(signedIn(context, "cleo")).open(baseUrl, datasetId);
      var tab2 = new ReviewPage(context.newPage()).open(baseUrl, datasetId);
      long inTab1 = tab1.shownSampleId();
      long inTab2 = tab2.shownSampleId();
      if (inTab1 != inTab2) {
        // each tab has a sample of its own: each key decides the one in its own tab, once
        tab1.pressKey("Enter");
        awaitNextSample(tab1, inTab1);
        tab2.pressKey("x");
        awaitNextSample(tab2, inTab2);
        decisionsOf("cleo").containsExactly(tuple(inTab1, "CONFIRM"), tuple(inTab2, "EXCLUDE"));
        return;
      }
      // the same sample in both (the reviewer's lease is the sample on screen): tab 1 confirms it
      int index = tab2.shownSampleIndex();
      tab1.pressKey("Enter");
      awaitNextSample(tab1, inTab1);
      decisionsOf("cleo").containsExactly(tuple(inTab1, "CONFIRM"));

      // tab 2 still shows it: its X is refused, with why, and excludes no other sample
      tab2.pressKey("x");
      assertThat(tab2.message("Sample #" + index + " was already decided by you (confirmed, label"))
          .isVisible();
      long next = awaitNextSample(tab2, inTab2);
      tab2.awaitEarlierInput();
      decisionsOf("cleo").containsExactly(tuple(inTab1, "CONFIRM"));
      assertThat(statusOf(next)).isEqualTo("OPEN");
      assertThat(statusOf(tab1.shownSampleId())).isEqualTo("OPEN");
    }
  }

  /** A new page of {@code context} where {@code user} (a demo account) has signed in. */
  private Page signedIn(BrowserContext context, String user) {
    Page page = context.newPage();
    new LoginPage(page, baseUrl).loginAs(user, user);
    return page;
  }

  private static long awaitNextSample(ReviewPage review, long shown) {
    assertThat(review.image()).not().hasAttribute("src", imageOf(shown));
    return review.shownSampleId();
  }

  private static String imageOf(long sampleId) {
    return "images/samples/" + sampleId + ".png";
  }

  /** The audit trail's rows by {@code actor} in this dataset, oldest first: (sample, action). */
  private ListAssert<Tuple> decisionsOf(String actor) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select sample_id, action from audit_entry where dataset_id = ? and actor = ?"
                + " order by id",
            datasetId,
            actor);
    return assertThat(
        rows.stream()
            .map(r -> tuple(((Number) r.get("SAMPLE_ID")).longValue(), r.get("ACTION")))
            .toList());
  }

  private String statusOf(long sampleId) {
    return jdbc.queryForObject("select status from sample where id = ?", String.class, sampleId);
  }
}

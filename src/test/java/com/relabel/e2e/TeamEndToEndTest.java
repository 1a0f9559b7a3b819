package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Several people at once, in real Chromium against the real app (demo profile, a small MNIST slice,
 * one epoch): leases keep a sample from others until they lapse, the first of two decisions on one
 * sample wins and the other is told, consensus review sends a disagreement to the admin (blind
 * until final, with the reviewers' agreement on Progress), U undoes, a user disabled mid-session is
 * logged out at their next request, "unsure" with a comment reaches the admin's disputes, and an
 * admin accepts the suggestions above thresholds after a preview. One app for all, in order.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:team-e2e;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.demo.sample-limit=200",
      "relabel.training.epochs=1",
      "relabel.training.folds=0",
      "relabel.jobs.poll-interval=200ms",
      "relabel.review.lease-duration=" + TeamEndToEndTest.LEASE_SECONDS + "s",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamEndToEndTest extends DemoBrowserTest {

  static final int LEASE_SECONDS = 20;

  BrowserContext annaContext;
  BrowserContext benContext;
  Page anna;
  Page ben;
  String leasedSample;

  private Page loggedIn(BrowserContext context, String user) {
    Page page = context.newPage();
    new LoginPage(page, baseUrl).loginAs(user, user);
    return page;
  }

  /** No leases, one review per sample: the queue as every test expects to find it. */
  private void freshQueue() {
    jdbc.update("delete from sample_lease");
    jdbc.update("update review_policy set required_reviews = 1 where dataset_id = ?", datasetId);
  }

  private long sampleId(String sampleIndex) {
    return jdbc.queryForObject(
        "select id from sample where dataset_id = ? and sample_index = ?",
        Long.class,
        datasetId,
        Integer.parseInt(sampleIndex));
  }

  private List<Map<String, Object>> audit(String sampleIndex) {
    return jdbc.queryForList(
        "select actor, action, new_label, new_status from audit_entry where sample_id = ?"
            + " order by id",
        sampleId(sampleIndex));
  }

  @Test
  @Order(1)
  void aLeaseKeepsTheSampleFromOthersUntilItLapses() throws Exception {
    annaContext = browser.browser.newContext();
    benContext = browser.browser.newContext();
    try {
      leaseLapses();
    } catch (RuntimeException | Error e) {
      // the next test goes on with these two browsers only when this one passed
      annaContext.close();
      benContext.close();
      throw e;
    }
  }

  private void leaseLapses() throws InterruptedException {
    anna = loggedIn(annaContext, "anna");
    ben = loggedIn(benContext, "ben");

    new ReviewPage(anna).open(baseUrl, datasetId);
    leasedSample = new TeamReviewPage(anna).sampleIndex();
    Instant expires =
        jdbc.queryForObject(
                "select expires_at from sample_lease where sample_id = ?",
                java.sql.Timestamp.class,
                sampleId(leasedSample))
            .toInstant();

    // before the lease lapses ben gets other samples, even when he skips
    var benReview = new ReviewPage(ben).open(baseUrl, datasetId);
    String first = new TeamReviewPage(ben).sampleIndex();
    assertThat(first).isNotEqualTo(leasedSample);
    benReview.pressKey("s");
    assertThat(benReview.sampleIndex()).not().hasText("Sample #" + first);
    assertThat(Instant.now()).as("still inside anna's lease").isBefore(expires);
    assertThat(benReview.sampleIndex()).not().hasText("Sample #" + leasedSample);

    // anna walks away; once her lease has lapsed, ben's next skip brings him her sample
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis() + 500));
    benReview.pressKey("s");
    assertThat(benReview.sampleIndex()).hasText("Sample #" + leasedSample);
  }

  @Test
  @Order(2)
  void twoReviewersOnOneSampleTheFirstDecisionWinsAndTheOtherIsTold() {
    try {
      assertThat(leasedSample).as("the lease test ran first").isNotNull();
      // both show the same sample: anna (lease lapsed) and ben (lease now his)
      var annaReview = new ReviewPage(anna);
      assertThat(annaReview.sampleIndex()).hasText("Sample #" + leasedSample);
      annaReview.pressKey("Enter");
      assertThat(annaReview.sampleIndex()).not().hasText("Sample #" + leasedSample);

      var benReview = new ReviewPage(ben);
      benReview.pressKey("Enter");
      assertThat(new TeamReviewPage(ben).message()).containsText("already decided by anna");
      assertThat(benReview.sampleIndex()).not().hasText("Sample #" + leasedSample);
      ben.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("review-conflict.png")));

      List<Map<String, Object>> rows = audit(leasedSample);
      assertThat(rows).hasSize(1);
      assertThat(rows.getFirst()).containsEntry("ACTOR", "anna").containsEntry("ACTION", "CONFIRM");
      assertThat(
              jdbc.queryForObject(
                  "select decided_by from sample where id = ?",
                  String.class,
                  sampleId(leasedSample)))
          .isEqualTo("anna");
    } finally {
      annaContext.close();
      benContext.close();
      freshQueue();
    }
  }

  @Test
  @Order(3)
  void withTwoRequiredReviewsADisagreementGoesToTheAdminWhoResolvesIt() {
    freshQueue();
    BrowserContext adminContext = browser.browser.newContext();
    annaContext = browser.browser.newContext();
    benContext = browser.browser.newContext();
    try {
      Page admin = loggedIn(adminContext, "admin");
      new DatasetCardPage(admin, datasetId).open(baseUrl).setRequiredReviews(2);

      anna = loggedIn(annaContext, "anna");
      var annaReview = new ReviewPage(anna).open(baseUrl, datasetId);
      String voted = new TeamReviewPage(anna).sampleIndex();
      int given = Integer.parseInt(annaReview.givenLabel().textContent().trim());
      annaReview.pressKey("Enter");
      assertThat(new TeamReviewPage(anna).consensusState()).containsText("vote 1 of 2");
      assertThat(annaReview.sampleIndex()).not().hasText("Sample #" + voted);

      ben = loggedIn(benContext, "ben");
      var benReview = new ReviewPage(ben).open(baseUrl, datasetId);
      assertThat(benReview.sampleIndex()).hasText("Sample #" + voted);
      // blind consensus: nothing of anna's vote reaches ben's browser before the sample is final
      assertThat(benReview.history()).hasText("No decisions yet.");
      assertThat(ben.locator("body")).not().containsText("anna");
      assertThat((String) ben.evaluate("() => document.documentElement.outerHTML"))
          .doesNotContain("anna");
      new TeamReviewPage(ben).screenshots("blind-consensus");
      // the admin sees the vote
      var adminReview =
          new ReviewPage(admin).openSample(baseUrl, datasetId, Integer.parseInt(voted));
      assertThat(adminReview.history()).containsText("anna");
      assertThat(adminReview.history()).containsText("VOTE");
      int corrected = (given + 1) % 10;
      benReview.pressKey(Integer.toString(corrected));
      assertThat(new TeamReviewPage(ben).consensusState()).containsText("votes disagree");

      // the admin sees both votes and decides with one click
      var disputes = new DisputesPage(admin).open(baseUrl, datasetId);
      assertThat(disputes.dispute(voted)).containsText("anna: confirm " + given);
      assertThat(disputes.dispute(voted)).containsText("ben: correct to " + corrected);
      admin.screenshot(
          new Page.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve("disputes.png")));
      disputes.resolve(voted, "correct to " + corrected);
      assertThat(disputes.dispute(voted)).hasCount(0);
      assertThat(disputes.summary()).containsText("No disputed samples");

      // final now: both annotators see the whole history
      for (Page annotator : List.of(anna, ben)) {
        var history =
            new ReviewPage(annotator)
                .openSample(baseUrl, datasetId, Integer.parseInt(voted))
                .history();
        assertThat(history).containsText("anna · VOTE");
        assertThat(history).containsText("ben · VOTE");
        assertThat(history).containsText("admin · RESOLVE");
      }
      new TeamReviewPage(ben).screenshots("consensus-history-final");

      // the two disagreed: the Progress page shows their agreement, and the admin overturned anna
      anna.navigate(baseUrl + "/progress/" + datasetId);
      assertThat(anna.locator("#agreement-summary")).containsText("Cohen's kappa");
      assertThat(anna.locator("#agreement-summary")).containsText("on 1 sample");
      assertThat(anna.locator("#agreement-grid")).containsText("anna");
      assertThat(anna.locator("#agreement-grid")).containsText("ben");
      assertThat(anna.locator("#agreement-grid")).containsText("100 %");
      assertThat(anna.locator("#agreement-chart canvas")).isVisible();
      new TeamReviewPage(anna).screenshots("agreement", anna.locator("#agreement-grid"));

      assertThat(audit(voted))
          .extracting(r -> r.get("ACTOR") + " " + r.get("ACTION") + " " + r.get("NEW_LABEL"))
          .containsExactly(
              "anna VOTE " + given,
              "ben VOTE " + corrected,
              "ben DISPUTE " + given,
              "admin RESOLVE " + corrected);
      admin.navigate(baseUrl + "/audit");
      assertThat(admin.locator("#audit-grid")).containsText("RESOLVE");

      // annotators are refused the disputes view by the server
      anna.navigate(baseUrl + "/disputes/" + datasetId);
      assertThat(anna.locator("#disputes-summary")).hasCount(0);

      new DatasetCardPage(admin, datasetId).open(baseUrl).setRequiredReviews(1);
    } finally {
      adminContext.close();
      annaContext.close();
      benContext.close();
      freshQueue(); // one review per sample again, also when an assertion above failed
    }
  }

  @Test
  @Order(4)
  void undoRestoresTheSampleAndItsLabel() {
    BrowserContext context = browser.browser.newContext();
    try {
      Page page = loggedIn(context, "anna");
      var review = new ReviewPage(page).open(baseUrl, datasetId);
      String sample = new TeamReviewPage(page).sampleIndex();
      String given = review.givenLabel().textContent().trim();
      int corrected = (Integer.parseInt(given) + 1) % 10;
      review.pressKey(Integer.toString(corrected));
      assertThat(review.sampleIndex()).not().hasText("Sample #" + sample);
      assertThat(
              jdbc.queryForObject(
                  "select current_label from sample where id = ?", Integer.class, sampleId(sample)))
          .isEqualTo(corrected);

      review.pressKey("u");
      assertThat(review.sampleIndex()).hasText("Sample #" + sample);
      assertThat(review.givenLabel()).hasText(given);
      assertThat(
              jdbc.queryForMap(
                  "select status, current_label from sample where id = ?", sampleId(sample)))
          .containsEntry("STATUS", "OPEN")
          .containsEntry("CURRENT_LABEL", Integer.parseInt(given));
      assertThat(audit(sample)).extracting(r -> r.get("ACTION")).containsExactly("CORRECT", "UNDO");
    } finally {
      context.close();
    }
  }

  @Test
  @Order(5)
  void aUserDisabledMidSessionIsLoggedOutAtTheirNextRequest() {
    BrowserContext adminContext = browser.browser.newContext();
    BrowserContext doraContext = browser.browser.newContext();
    try {
      Page admin = loggedIn(adminContext, "admin");
      admin.navigate(baseUrl + "/users");
      admin.locator("#new-user").click();
      admin.locator("#new-user-name input").fill("dora");
      admin.locator("#new-user-password input").fill("dora-secret-1");
      admin.locator("#create-user").click();
      assertThat(admin.locator("#users-grid")).containsText("dora");

      Page dora = doraContext.newPage();
      new LoginPage(dora, baseUrl).loginAs("dora", "dora-secret-1");
      var review = new ReviewPage(dora).open(baseUrl, datasetId);
      String sample = new TeamReviewPage(dora).sampleIndex();

      admin.locator("#disable-dora").click();
      assertThat(admin.locator("#enable-dora")).isVisible();

      // her next request, a key press on the open queue, logs her out and changes nothing
      review.pressKey("Enter");
      assertThat(dora)
          .hasURL(
              Pattern.compile(".*/login.*"),
              new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions()
                  .setTimeout(15_000));
      assertThat(
              jdbc.queryForObject(
                  "select status from sample where id = ?", String.class, sampleId(sample)))
          .isEqualTo("OPEN");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from audit_entry where actor = 'dora'", Integer.class))
          .isZero();
    } finally {
      adminContext.close();
      doraContext.close();
    }
  }

  @Test
  @Order(6)
  void anUnsureSampleGoesToTheAdminWithTheCommentShownAsText() {
    freshQueue();
    BrowserContext adminContext = browser.browser.newContext();
    annaContext = browser.browser.newContext();
    try {
      anna = loggedIn(annaContext, "anna");
      var review = new ReviewPage(anna).open(baseUrl, datasetId);
      var team = new TeamReviewPage(anna);
      String sample = team.sampleIndex();
      // typed key by key: its letters and the 7 are the comment's, not decision keys
      String comment = "<b>blurry</b>, maybe a 7 or x";
      review.pressKey("c");
      team.comment(comment);
      assertThat(review.sampleIndex()).hasText("Sample #" + sample);
      assertThat(review.history()).containsText("anna · COMMENT");
      assertThat(review.history()).containsText("“" + comment + "”");
      assertThat(review.history().locator("b")).hasCount(0);
      team.screenshots("comment", review.history());

      review.pressKey("f");
      assertThat(team.consensusState()).containsText("went to the admins' disputes as unsure");
      assertThat(review.sampleIndex()).not().hasText("Sample #" + sample);

      Page admin = loggedIn(adminContext, "admin");
      var disputes = new DisputesPage(admin).open(baseUrl, datasetId);
      assertThat(disputes.dispute(sample)).containsText("anna: unsure");
      assertThat(disputes.dispute(sample)).containsText(comment);
      new TeamReviewPage(admin).screenshots("unsure-dispute", disputes.dispute(sample));
      disputes.resolve(sample, "confirm");
      assertThat(disputes.dispute(sample)).hasCount(0);
      // nothing between the comment and the unsure: typing it decided nothing (the sample may
      // have earlier rows from the undo test)
      assertThat(audit(sample))
          .extracting(r -> r.get("ACTOR") + " " + r.get("ACTION"))
          .endsWith("anna COMMENT", "anna UNSURE", "admin RESOLVE");
      admin.navigate(baseUrl + "/audit");
      assertThat(admin.locator("#audit-grid")).containsText(comment);
    } finally {
      adminContext.close();
      annaContext.close();
      freshQueue();
    }
  }

  @Test
  @Order(7)
  void anAdminAcceptsTheSuggestionsAboveThresholdsAfterAPreview() {
    // the score of the 5th most suspicious open sample whose suggestion differs: at least 5 match
    String matches =
        " from sample_score sc join sample s on s.id = sc.sample_id"
            + " join dataset d on d.active_run_id = sc.run_id and d.id = s.dataset_id"
            + " where d.id = ? and s.status = 'OPEN' and sc.suggested_label <> s.current_label"
            + " and sc.suggested_probability >= 0.3";
    double minScore =
        jdbc.queryForObject(
            "select score"
                + matches
                + " order by sc.score desc offset 4 rows fetch first 1 row only",
            Double.class,
            datasetId);
    List<Long> expected =
        jdbc.queryForList(
            "select s.id" + matches + " and sc.score >= ? order by s.id",
            Long.class,
            datasetId,
            minScore);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(5);

    BrowserContext adminContext = browser.browser.newContext();
    try {
      Page admin = loggedIn(adminContext, "admin");
      var clean = new CleanTopKPage(admin).open(baseUrl, datasetId);
      clean.preview(minScore, 0.3);
      assertThat(clean.summary())
          .containsText(expected.size() + " open samples would get their suggested label");
      assertThat(clean.previewGrid().locator("vaadin-grid-cell-content")).not().hasCount(0);
      // any number is a threshold: the fields never mark one as invalid
      assertThat(admin.locator("#clean-min-score[invalid]")).hasCount(0);
      new TeamReviewPage(admin).screenshots("clean-top-k-preview");
      clean.apply();
      assertThat(clean.result()).containsText(expected.size() + " corrected");
      assertThat(clean.summary()).containsText("0 open samples");

      for (long id : expected) {
        assertThat(
                jdbc.queryForMap(
                    "select s.status, s.decided_by, s.current_label = sc.suggested_label as took"
                        + " from sample s join dataset d on d.id = s.dataset_id"
                        + " join sample_score sc on sc.run_id = d.active_run_id"
                        + " and sc.sample_id = s.id where s.id = ?",
                    id))
            .containsEntry("STATUS", "CORRECTED")
            .containsEntry("DECIDED_BY", "admin")
            .containsEntry("TOOK", true);
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from audit_entry where actor = 'admin' and action = 'CORRECT'",
                  Integer.class))
          .isEqualTo(expected.size());
    } finally {
      adminContext.close();
    }
  }
}

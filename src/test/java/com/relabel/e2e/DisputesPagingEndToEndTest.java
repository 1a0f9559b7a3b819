package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.relabel.dataset.DatasetImporter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * More disputes than one page, in real Chromium: the admins' disputes view lists all 130 of them
 * lazily (keyset pages as the list scrolls), the last one can be reached and resolved. Same app
 * settings as {@link SampleReviewEndToEndTest}, so the test context is shared.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-sample;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisputesPagingEndToEndTest {

  static final int DISPUTES = 130;

  @LocalServerPort int port;
  @Autowired DatasetImporter importer;
  @Autowired JdbcTemplate jdbc;

  BrowserSession browser;
  String baseUrl;
  long datasetId;

  @BeforeAll
  void disputeManySamples() {
    baseUrl = "http://localhost:" + port;
    datasetId =
        importer
            .importImages(
                "many-disputes-" + System.nanoTime(),
                SyntheticImages.of(10, 15, 7),
                null,
                null,
                "test")
            .getId();
    // two reviewers disagreed on 130 samples: anna confirmed, ben corrected to the next class
    List<Long> ids =
        jdbc.queryForList(
            "select id from sample where dataset_id = ? order by id fetch first "
                + DISPUTES
                + " rows only",
            Long.class,
            datasetId);
    var now = Timestamp.from(Instant.now());
    for (long id : ids) {
      int label =
          jdbc.queryForObject("select current_label from sample where id = ?", Integer.class, id);
      jdbc.update("update sample set status = 'DISPUTED', version = version + 1 where id = ?", id);
      jdbc.update(
          "insert into sample_vote (sample_id, dataset_id, voter, status, label, voted_at)"
              + " values (?, ?, 'anna', 'CONFIRMED', ?, ?), (?, ?, 'ben', 'CORRECTED', ?, ?)",
          id,
          datasetId,
          label,
          now,
          id,
          datasetId,
          (label + 1) % 10,
          now);
    }
    browser = new BrowserSession();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void everyDisputeCanBeReachedAndTheLastOneResolved() {
    BrowserContext context = browser.browser.newContext();
    try {
      Page admin = context.newPage();
      new LoginPage(admin, baseUrl).loginAs("admin", "admin");
      var disputes = new DisputesPage(admin).open(baseUrl, datasetId);
      assertThat(disputes.summary()).containsText(DISPUTES + " disputed samples");
      assertThat(disputes.dispute("0")).containsText("anna: confirm");
      assertThat(disputes.dispute("0")).containsText("ben: correct to");
      // the list is lazy: far cards are not in the page until scrolled to
      String last = Integer.toString(DISPUTES - 1);
      assertThat(disputes.dispute(last)).hasCount(0);

      disputes.scrollTo(DISPUTES - 1);
      assertThat(disputes.dispute(last)).isVisible();
      int label =
          jdbc.queryForObject(
              "select current_label from sample where dataset_id = ? and sample_index = ?",
              Integer.class,
              datasetId,
              DISPUTES - 1);
      int corrected = (label + 1) % 10;
      disputes.resolve(last, "correct to " + corrected);

      assertThat(disputes.summary()).containsText((DISPUTES - 1) + " disputed samples");
      assertThat(disputes.dispute(last)).hasCount(0);
      assertThat(disputes.dispute("0")).isVisible();
      assertThat(
              jdbc.queryForObject(
                  "select status from sample where dataset_id = ? and sample_index = ?",
                  String.class,
                  datasetId,
                  DISPUTES - 1))
          .isEqualTo("CORRECTED");
      admin.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("disputes-many.png")));
    } finally {
      context.close();
    }
  }
}

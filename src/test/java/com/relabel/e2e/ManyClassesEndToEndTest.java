package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.relabel.dataset.IdxImport;
import com.relabel.dataset.IdxWriter;
import com.relabel.engine.DeviceChoice;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * A dataset with 26 classes, in real Chromium: IDX files written and imported as an admin would,
 * scored by a short real run, and an annotator corrects a label to class 23 through the quick-pick
 * (L, type the class, Enter): classes beyond the ten digit keys. The exported CSV has the new
 * label. Same app settings as {@link SampleReviewEndToEndTest}, so the test context is shared.
 */
@QuickDemoApp
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:e2e-sample;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyClassesEndToEndTest {

  static final int CLASSES = 26;

  @LocalServerPort int port;
  @Autowired IdxImport idx;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  BrowserSession browser;
  String baseUrl;
  long datasetId;

  @BeforeAll
  void importAndScore(@TempDir Path dir) throws Exception {
    baseUrl = "http://localhost:" + port;
    Path images = dir.resolve("letters-images-idx3-ubyte");
    Path labels = dir.resolve("letters-labels-idx1-ubyte");
    IdxWriter.write(SyntheticImages.of(CLASSES, 8, 26), images, labels);
    var admin =
        new UsernamePasswordAuthenticationToken(
            "admin", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
    securityContexts.getContext().setAuthentication(admin);
    SecurityContextHolder.getContext().setAuthentication(admin);
    try {
      datasetId = idx.importFiles("letters-" + System.nanoTime(), images, labels, CLASSES).getId();
    } finally {
      securityContexts.clearContext();
      SecurityContextHolder.clearContext();
    }
    long runId =
        runs.enqueue(
                datasetId,
                RunSettings.builder()
                    .epochs(1)
                    .batchSize(16)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .build(),
                "test")
            .getId();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    TrainingRun run = runs.get(runId);
    while (run.getStatus().isActive()) {
      assertThat(Instant.now()).as("the 26-class run finishes").isBefore(deadline);
      Thread.sleep(250);
      run = runs.get(runId);
    }
    assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    browser = new BrowserSession();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anAnnotatorCorrectsToAClassBeyondTheDigitsAndTheExportHasIt() {
    BrowserContext context = browser.browser.newContext();
    try {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("anna", "anna");
      var review = new ReviewPage(page).open(baseUrl, datasetId);
      // one button per class, and no digit key for the classes from 10 on
      assertThat(page.locator("vaadin-button[id^='correct-']")).hasCount(CLASSES);
      String index = review.sampleIndex().textContent().replaceAll("\\D", "");
      int given = Integer.parseInt(review.givenLabel().textContent().trim());
      int target = given == 23 ? 17 : 23;

      review.pressKey("l");
      var pick = page.locator("#label-quick-pick-box input");
      pick.waitFor();
      pick.pressSequentially(Integer.toString(target));
      page.locator("vaadin-combo-box-item")
          .filter(new Locator.FilterOptions().setHasText(Integer.toString(target)))
          .first()
          .waitFor();
      pick.press("Enter");
      assertThat(review.decidedCount()).hasText("1");
      assertThat(
              jdbc.queryForObject(
                  "select current_label from sample where dataset_id = ? and sample_index = ?"
                      + " and status = 'CORRECTED' and decided_by = 'anna'",
                  Integer.class,
                  datasetId,
                  Integer.parseInt(index)))
          .isEqualTo(target);

      // the admin's export has the new label
      Page adminPage = browser.browser.newContext().newPage();
      new LoginPage(adminPage, baseUrl).loginAs("admin", "admin");
      String csv =
          adminPage.request().get(baseUrl + "/export/datasets/" + datasetId + "/labels.csv").text();
      adminPage.context().close();
      assertThat(csv.lines())
          .anyMatch(
              line -> line.startsWith(index + "," + given + "," + target + ",CORRECTED,anna,"));
      assertThat(csv.lines().count()).isEqualTo(CLASSES * 8 + 1);
    } finally {
      context.close();
    }
  }
}

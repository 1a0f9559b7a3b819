package com.relabel.e2e;

import com.relabel.dataset.DatasetService;
import com.relabel.training.TrainingRuns;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every browser test of the demo app starts from ({@link DemoApp}, {@link QuickDemoApp}): the
 * demo dataset with its first run finished, one Chromium for the class ({@link BrowserSession}),
 * closed after its last test, and the app's address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoBrowserTest {

  @LocalServerPort int port;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;

  BrowserSession browser;

  /** {@code http://localhost:<port>}. */
  String baseUrl;

  /** The demo dataset. */
  long datasetId;

  @BeforeAll
  void startBrowserOnceTheDemoIsTrained() throws Exception {
    baseUrl = "http://localhost:" + port;
    datasetId = DemoDataset.awaitFirstRun(datasets, runs).id();
    browser = new BrowserSession();
    Files.createDirectories(BrowserSession.SCREENSHOTS);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}

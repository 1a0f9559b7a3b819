package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin makes a read-only API token on the tokens page: the list says "Read-only", and the token
 * reads but may not start a run. Same context as {@link SpineEndToEndTest}, so Spring reuses it.
 */
@DemoApp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyTokenEndToEndTest {

  @LocalServerPort int port;

  BrowserSession browser;
  String baseUrl;

  @BeforeAll
  void startBrowser() {
    baseUrl = "http://localhost:" + port;
    browser = new BrowserSession();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aReadOnlyTokenIsMadeOnThePageListedAsReadOnlyAndOnlyReads() {
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      var tokens = new ApiTokensPage(page).open(baseUrl).create("dashboard", "Read-only");
      String token = tokens.shownToken().inputValue();
      assertThat(token).startsWith("rlb_");
      tokens.done();
      assertThat(tokens.cells()).containsText(new String[] {"Scope", "dashboard", "Read-only"});

      var withToken = RequestOptions.create().setHeader("Authorization", "Bearer " + token);
      try (var pipeline = browser.browser.newContext()) {
        assertThat(pipeline.request().get(baseUrl + "/api/v1/datasets", withToken).status())
            .isEqualTo(200);
        var start =
            pipeline
                .request()
                .post(
                    baseUrl + "/api/v1/datasets/1/runs",
                    RequestOptions.create()
                        .setHeader("Authorization", "Bearer " + token)
                        .setHeader("Content-Type", "application/json")
                        .setData("{}"));
        assertThat(start.status()).isEqualTo(403);
        assertThat(start.text()).contains("this token is read-only");
      }
    }
  }
}

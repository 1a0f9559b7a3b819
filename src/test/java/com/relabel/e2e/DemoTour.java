package com.relabel.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * Screenshots of a running app, for a reviewer's eyes: {@code DemoTour [baseUrl] [outDir]} logs in
 * as the demo admin and saves the start page, the review queue and the audit trail.
 */
public final class DemoTour {
  private DemoTour() {}

  public static void main(String[] args) {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
    Path out = Path.of(args.length > 1 ? args[1] : "target/screenshots/demo");
    try (var session = new BrowserSession()) {
      BrowserContext context =
          session.browser.newContext(
              new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      page.locator("[id^=dataset-]").first().waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("datasets.png")));
      String id = page.locator("[id^=review-]").first().getAttribute("id").replace("review-", "");
      var review = new ReviewPage(page).open(baseUrl, Long.parseLong(id));
      review.awaitImageLoaded();
      page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("review.png")));
      page.navigate(baseUrl + "/map/" + id);
      page.locator("#data-map[data-rendered=true]").waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("data-map.png")));
      page.navigate(baseUrl + "/audit");
      page.locator("#audit-grid").waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("audit.png")));
      System.out.println("Screenshots in " + out.toAbsolutePath());
    }
  }
}

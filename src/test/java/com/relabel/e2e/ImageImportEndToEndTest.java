package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.relabel.dataset.ImageFolderFixture;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin uploads a ZIP of class folders in the browser: a zip-slip archive is refused by name, a
 * good one becomes a dataset whose review queue shows the folder names as labels. Same context as
 * {@link SpineEndToEndTest}, so Spring reuses it.
 */
@DemoApp
class ImageImportEndToEndTest extends DemoBrowserTest {

  @Test
  void adminUploadsAZipOfClassFoldersAndReviewsItWithTheFolderNames(@TempDir Path dir)
      throws Exception {
    Path good = ImageFolderFixture.classFolderZip(dir.resolve("shapes.zip"), 3, 20, 16, 11);
    Path evil = dir.resolve("evil.zip");
    try (OutputStream out = Files.newOutputStream(evil);
        var z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("../outside.png"));
      z.write(Files.readAllBytes(good), 0, 100);
      z.closeEntry();
    }
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");

      var importPage = new ImageImportPage(page).open(baseUrl).upload("Shapes", evil);
      importPage.submit();
      assertThat(importPage.error()).containsText("evil.zip");
      assertThat(importPage.error()).containsText("outside the archive");
      assertThat(datasets.findByName("Shapes")).isEmpty();

      new ImageImportPage(page).open(baseUrl).upload("Shapes", good).submit();
      var card =
          page.locator("[id^=dataset-]").filter(new Locator.FilterOptions().setHasText("Shapes"));
      // decoding and writing the images runs in the request: allow for a busy machine
      assertThat(card)
          .containsText(
              "60 samples", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      long id = datasets.findByName("Shapes").orElseThrow().getId();
      assertThat(datasets.classNames(id)).containsExactly("class-0", "class-1", "class-2");
      awaitActiveRun(id);

      var review = new ReviewPage(page).open(baseUrl, id);
      assertThat(review.givenLabel()).containsText("class-");
      review.awaitImageLoaded();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(BrowserSession.SCREENSHOTS.resolve("image-folder-review.png")));
    }
  }

  /**
   * Colour photos asked at 48x48 train the ResNet by default and show in colour on the review
   * screen (decision 0046).
   */
  @Test
  void colourPhotosShowInColourAndTrainTheResNet(@TempDir Path dir) throws Exception {
    int[] red = new int[8];
    int[] blue = new int[8];
    java.util.Arrays.fill(red, 0xd03020);
    java.util.Arrays.fill(blue, 0x2040d0);
    Path zip =
        ImageFolderFixture.colourPhotosZip(
            dir.resolve("photos.zip"), 60, new String[] {"red", "blue"}, new int[][] {red, blue});
    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");

      new ImageImportPage(page).open(baseUrl).upload("Photos", zip).size("48x48").submit();
      var card =
          page.locator("[id^=dataset-]").filter(new Locator.FilterOptions().setHasText("Photos"));
      assertThat(card)
          .containsText(
              "16 samples", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      long id = datasets.findByName("Photos").orElseThrow().getId();
      awaitActiveRun(id);
      assertThat(runs.get(datasets.get(id).getActiveRunId()).getModel()).isEqualTo("resnet");

      var review = new ReviewPage(page).open(baseUrl, id);
      review.awaitImageLoaded();
      List<Integer> rgb = review.centrePixel();
      assertThat(Collections.max(rgb) - Collections.min(rgb))
          .as("centre pixel %s is coloured, not grey", rgb)
          .isGreaterThan(120);
    }
  }

  private void awaitActiveRun(long datasetId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (datasets.get(datasetId).getActiveRunId() == null) {
      assertThat(Instant.now()).as("first run of the imported dataset").isBefore(deadline);
      Thread.sleep(250);
    }
  }
}

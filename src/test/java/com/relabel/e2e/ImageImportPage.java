package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Page object: the admin's image-folder import (upload a ZIP, name it, import). */
final class ImageImportPage {
  private final Page page;

  ImageImportPage(Page page) {
    this.page = page;
  }

  ImageImportPage open(String baseUrl) {
    page.navigate(baseUrl + "/import/images");
    page.locator("#image-import-submit").waitFor();
    return this;
  }

  /** Names the dataset and uploads the ZIP, waiting until the upload has finished. */
  ImageImportPage upload(String name, Path zip) {
    page.locator("#image-import-name input").fill(name);
    page.locator("#image-import-zip input[type=file]").setInputFiles(zip);
    assertThat(page.locator("#image-import-zip")).containsText(zip.getFileName().toString());
    page.locator("#image-import-zip vaadin-upload-file[complete]").waitFor();
    return this;
  }

  /** Asks for a fixed size, e.g. {@code 48x48}. */
  ImageImportPage size(String widthByHeight) {
    page.locator("#image-import-size input").fill(widthByHeight);
    return this;
  }

  void submit() {
    page.locator("#image-import-submit").click();
  }

  Locator error() {
    return page.locator("#image-import-error");
  }
}

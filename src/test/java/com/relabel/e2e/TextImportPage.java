package com.relabel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Page object: the admin's text import on the import page (name, upload, import). */
final class TextImportPage {
  private final Page page;

  TextImportPage(Page page) {
    this.page = page;
  }

  /**
   * Opens the import page, names the dataset, uploads {@code file} (waiting until it is uploaded)
   * and presses Import with the default features.
   */
  TextImportPage submit(String baseUrl, String name, Path file) {
    page.navigate(baseUrl + "/import");
    page.locator("#text-import-name input").fill(name);
    page.locator("#text-import-file input[type=file]").setInputFiles(file);
    page.locator("#text-import-file vaadin-upload-file[complete]").waitFor();
    page.locator("#text-import-submit").click();
    return this;
  }

  /**
   * Waits until the import is done and the start page opened, or the form refused the file (then
   * fails with the form's message).
   */
  void awaitStartPage(String baseUrl, double timeoutMillis) {
    page.waitForFunction(
        "() => location.pathname === '/'"
            + " || (document.querySelector('#text-import-error')?.textContent ?? '') !== ''",
        null,
        new Page.WaitForFunctionOptions().setTimeout(timeoutMillis));
    String error =
        page.url().equals(baseUrl + "/") ? "" : page.locator("#text-import-error").textContent();
    assertThat(page.url()).as(error).isEqualTo(baseUrl + "/");
  }
}

package com.relabel.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object: the start page with a dataset's card, its Retrain dialog and live run progress. */
final class DatasetsPage {
  private final Page page;
  private final long datasetId;

  DatasetsPage(Page page, long datasetId) {
    this.page = page;
    this.datasetId = datasetId;
  }

  DatasetsPage open(String baseUrl) {
    page.navigate(baseUrl + "/");
    card().waitFor();
    return this;
  }

  Locator card() {
    return page.locator("#dataset-" + datasetId);
  }

  /** Opens the Retrain dialog of the dataset. */
  DatasetsPage openRetrain() {
    page.locator("#retrain-" + datasetId).click();
    page.locator("#retrain-start").waitFor();
    return this;
  }

  DatasetsPage epochs(int epochs) {
    fill("#retrain-epochs", Integer.toString(epochs));
    return this;
  }

  DatasetsPage batchSize(int batchSize) {
    fill("#retrain-batch-size", Integer.toString(batchSize));
    return this;
  }

  DatasetsPage folds(int folds) {
    fill("#retrain-folds", Integer.toString(folds));
    return this;
  }

  void startRun() {
    page.locator("#retrain-start").click();
  }

  Locator retrainError() {
    return page.locator("#retrain-error");
  }

  void closeDialog() {
    page.locator("#retrain-dialog vaadin-button")
        .filter(new Locator.FilterOptions().setHasText("Close"))
        .click();
  }

  Locator progressBar() {
    return card().locator("#run-progress");
  }

  Locator progressText() {
    return card().locator("#run-progress-text");
  }

  /** The progress bar's value, 0 to 1. */
  double progressValue() {
    return ((Number) progressBar().evaluate("bar => bar.value")).doubleValue();
  }

  /** Waits until the bar shows more than {@code value} while the run is in an epoch. */
  void awaitProgressAbove(double value) {
    page.waitForFunction(
        "([id, v]) => { const card = document.getElementById(id); if (!card) return false;"
            + " const bar = card.querySelector('#run-progress');"
            + " const text = card.querySelector('#run-progress-text');"
            + " return bar && text && bar.value > v && text.textContent.includes('epoch'); }",
        new Object[] {"dataset-" + datasetId, value},
        new Page.WaitForFunctionOptions().setTimeout(120_000));
  }

  private void fill(String id, String value) {
    Locator input = page.locator(id + " input");
    input.fill(value);
    input.press("Tab");
  }
}

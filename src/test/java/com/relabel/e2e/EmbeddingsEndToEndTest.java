package com.relabel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.relabel.dataset.NpyWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin attaches their own model's vectors to the demo dataset in the browser (decision 0044):
 * a bad CSV is refused by file and line and changes nothing; a good .npy is attached and runs learn
 * from it; unticking the choice goes back to the pixels. Same context as {@link
 * ImageImportEndToEndTest}, so Spring reuses it.
 */
@DemoApp
class EmbeddingsEndToEndTest extends DemoBrowserTest {

  /** Samples of the demo dataset ({@code relabel.demo.sample-limit}). */
  static final int SAMPLES = 300;

  @Test
  void adminAttachesOwnVectorsAndChoosesWhetherRunsLearnFromThem(@TempDir Path dir)
      throws Exception {
    StringBuilder csv = new StringBuilder("sample_index,e0,e1\n");
    for (int i = 0; i < SAMPLES; i++) {
      csv.append(i).append(i == 41 ? ",0.5,inf\n" : ",0.5,1\n");
    }
    Path bad = Files.writeString(dir.resolve("our-vectors.csv"), csv);
    Path good = dir.resolve("our-vectors.npy");
    var random = new Random(3);
    try (var npy = new NpyWriter(good, SAMPLES, 8)) {
      for (int i = 0; i < SAMPLES; i++) {
        float[] v = new float[8];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) random.nextGaussian();
        }
        npy.write(v);
      }
    }

    try (BrowserContext context = browser.browser.newContext()) {
      Page page = context.newPage();
      new LoginPage(page, baseUrl).loginAs("admin", "admin");
      new RunsPage(page).open(baseUrl, datasetId);
      // a PostgreSQL database outlives the test: its demo dataset may hold an earlier run's vectors
      int before = ownVectors();

      attach(page, bad);
      assertThat(page.locator("#embeddings-error")).containsText("our-vectors.csv, line 43");
      assertThat(page.locator("#embeddings-error")).containsText("Nothing was changed");
      assertThat(ownVectors()).isEqualTo(before);
      page.keyboard().press("Escape");

      attach(page, good);
      assertThat(page.locator("#embeddings-submit")).isHidden();
      assertThat(ownVectors()).isEqualTo(SAMPLES);
      assertThat(datasets.get(datasetId).trainsOnEmbeddings()).isTrue();

      page.locator("#embeddings-open").click();
      assertThat(page.locator("#embeddings-attached")).containsText("8 numbers per sample");
      page.locator("#embeddings-train").click();
      page.locator("#embeddings-submit").click();
      assertThat(page.locator("#embeddings-submit")).isHidden();
      assertThat(datasets.get(datasetId).trainsOnEmbeddings()).isFalse();
      assertThat(ownVectors()).isEqualTo(SAMPLES);
    }
  }

  private static void attach(Page page, Path file) {
    // a dialog closed a moment ago stays in the page until the server has removed it, and a file
    // set before the new one is drawn reaches the old one's hidden upload (CI, 2026-12-06, as in
    // SpineEndToEndTest): the new dialog then never receives it
    assertThat(page.locator("#embeddings-upload")).hasCount(0);
    page.locator("#embeddings-open").click();
    page.locator("#embeddings-upload input[type=file]").setInputFiles(file);
    assertThat(page.locator("#embeddings-file")).containsText(file.getFileName().toString());
    page.locator("#embeddings-submit").click();
  }

  private int ownVectors() {
    return jdbc.queryForObject(
        "select count(*) from sample_embedding e join sample s on s.id = e.sample_id"
            + " where s.dataset_id = ? and e.model = 'own'",
        Integer.class,
        datasetId);
  }
}

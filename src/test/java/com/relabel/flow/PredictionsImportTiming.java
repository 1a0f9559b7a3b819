package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import com.relabel.scoring.TrainingDynamics;
import com.relabel.training.PredictionsImport;
import com.relabel.training.TrainingRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Scoring from imported predictions on real data (not part of the suite: run with {@code
 * -Dtest=PredictionsImportTiming}, docs/benchmarks.md "Scoring imported predictions"). MNIST
 * ({@code relabel.timing.samples}, default 60,000) with 20% symmetric noise; "the team's own model"
 * is our CNN's 4-fold cross-validation (2 epochs per fold): its out-of-sample probabilities and the
 * main model's embeddings go into a CSV, which is imported and timed; the run's evaluation against
 * the true labels is printed.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=${relabel.timing.url:jdbc:h2:mem:predictions-timing;DB_CLOSE_DELAY=-1}",
      "spring.datasource.username=${relabel.timing.user:sa}",
      "spring.datasource.password=${relabel.timing.password:}",
      "relabel.jobs.enabled=false"
    })
class PredictionsImportTiming {

  @Autowired DatasetImporter importer;
  @Autowired PredictionsImport predictions;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void crossValidatedProbabilitiesOfMnist() throws IOException {
    int n = Integer.getInteger("relabel.timing.samples", 60_000);
    LabeledImages clean = BundledMnist.train().head(n);
    NoisyLabels noisy = NoiseInjector.symmetric(clean.labels(), 10, 0.2, 42);
    LabeledImages given = clean.withLabels(noisy.noisy());

    long t0 = System.nanoTime();
    TrainingDynamics model =
        new NoiseTrainingPipeline()
            .train(
                given,
                TrainingOptions.builder().epochs(1).folds(4, 2).build(),
                TrainingProgress.none())
            .dynamics();
    long t1 = System.nanoTime();
    Path csv = writeCsv(model.heldOutProbabilities(), model.embeddings());
    System.out.printf(
        Locale.ROOT,
        "the 'own model' (1 epoch + 4-fold CV): %.1f s; predictions CSV: %,d rows, %d-dim"
            + " embeddings, %.1f MB%n",
        (t1 - t0) / 1e9,
        n,
        model.embeddings()[0].length,
        Files.size(csv) / 1e6);

    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Dataset dataset = importer.importImages("timing", given, null, clean.labels(), "timing");
    long t2 = System.nanoTime();
    TrainingRun run = predictions.importFile(dataset.getId(), csv, "admin");
    long t3 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "import, score and activate: %.1f s (%,.0f samples/s)%nevaluation: %s%n",
        (t3 - t2) / 1e9,
        n / ((t3 - t2) / 1e9),
        run.getEvaluation());
    assertThat(run.getSampleCount()).isEqualTo(n);
  }

  private Path writeCsv(float[][] probabilities, float[][] embeddings) throws IOException {
    Path csv = dir.resolve("own-model.csv");
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      StringBuilder header = new StringBuilder("sample_index");
      for (int k = 0; k < probabilities[0].length; k++) {
        header.append(",p").append(k);
      }
      for (int j = 0; j < embeddings[0].length; j++) {
        header.append(",emb_").append(j);
      }
      out.write(header.append('\n').toString());
      for (int i = 0; i < probabilities.length; i++) {
        StringBuilder row = new StringBuilder().append(i);
        for (float p : probabilities[i]) {
          row.append(',').append(p);
        }
        for (float e : embeddings[i]) {
          row.append(',').append(e);
        }
        out.write(row.append('\n').toString());
      }
    }
    return csv;
  }
}

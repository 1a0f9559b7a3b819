package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.dataset.TextFeaturizer;
import com.relabel.dataset.TextImport;
import com.relabel.dataset.TrainingSet;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.Evaluation;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Text datasets at 20,000 texts (not part of the suite: run with {@code -Dtest=TextImportTiming},
 * {@code -Dtext.count=N}): import throughput into H2, featurising on load, a default run's training
 * time (MLP, 5 epochs + 4-fold cross-validation) and the AUROC on 10% flipped labels, then the
 * hashing dimension's effect (5 epochs, no folds). Figures in docs/benchmarks.md.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:texttiming;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.enabled=false"
    })
class TextImportTiming {

  @Autowired TextImport textImport;
  @Autowired DatasetService datasets;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @Test
  void twentyThousandTexts() throws Exception {
    int n = Integer.getInteger("text.count", 20_000);
    SyntheticTexts data = SyntheticTexts.generate(n, 6, 0.1, 42);
    Path csv = data.writeCsv(dir.resolve("texts.csv"));
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");

    long start = System.nanoTime();
    long id =
        textImport
            .importFile("timing", csv, "texts.csv", com.relabel.dataset.TextFeatures.HASHED)
            .getId();
    double importSeconds = seconds(start);
    start = System.nanoTime();
    TrainingSet set = datasets.trainingSet(id);
    double loadSeconds = seconds(start);
    start = System.nanoTime();
    LabeledImages again =
        TextFeaturizer.standard().featurize(data.texts(), data.labels(), data.topics());
    double featurizeSeconds = seconds(start);
    assertThat(again.pixels()).isEqualTo(set.images().pixels());
    print(
        "%,d texts (%.1f MB CSV): import %.2f s (%,.0f texts/s); training set %.2f s, of which"
            + " featurising %.2f s",
        n, Files.size(csv) / 1e6, importSeconds, n / importSeconds, loadSeconds, featurizeSeconds);

    train(set.images(), data, 4);
    for (int d : new int[] {1 << 10, 1 << 12, 1 << 14}) {
      LabeledImages features =
          new TextFeaturizer(d).featurize(data.texts(), data.labels(), data.topics());
      print("D = %d:", d);
      train(features, data, 0);
    }
  }

  private static void train(LabeledImages features, SyntheticTexts data, int folds) {
    var options =
        TrainingOptions.builder()
            .epochs(5)
            .batchSize(128)
            .seed(42)
            .device(DeviceChoice.AUTO)
            .folds(folds, TrainingOptions.DEFAULT_FOLD_EPOCHS)
            .model(ModelKind.MLP)
            .build();
    long start = System.nanoTime();
    TrainingResult result =
        new NoiseTrainingPipeline().train(features, options, TrainingProgress.none());
    double seconds = seconds(start);
    NoiseReport report =
        NoiseReport.compute(result.dynamics(), ScorerRegistry.forDynamics(result.dynamics()));
    print(
        "  MLP 5 epochs, %d folds on %s: %.1f s; ensemble AUROC %.4f, loss AUROC %.4f",
        folds,
        result.device(),
        seconds,
        Evaluation.auroc(report.ensemble().scores(), data.flipped()),
        Evaluation.auroc(report.methods().getFirst().scores(), data.flipped()));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println("TEXT-TIMING " + String.format(Locale.ROOT, format, args));
  }
}

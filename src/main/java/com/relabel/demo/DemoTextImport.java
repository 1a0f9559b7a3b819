package com.relabel.demo;

import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.ImportStoppedException;
import com.relabel.dataset.TextFeatures;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import com.relabel.security.Roles;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The demo's text dataset, "Spam demo" ({@link DemoTexts}, {@code relabel.demo.text-limit}),
 * imported on {@link BackgroundImports} after start-up: the start page lists it while it encodes,
 * and its true labels and first run follow when it is done.
 */
@Component
@Profile("demo")
class DemoTextImport {

  static final String DATASET = "Spam demo";
  private static final String SYSTEM = "system";
  private static final Logger log = LoggerFactory.getLogger(DemoTextImport.class);

  private final DemoSettings settings;
  private final DatasetImporter importer;
  private final DatasetService datasets;
  private final TrainingRuns runs;
  private final RunSettings runSettings;
  private final BackgroundImports imports;
  private final SecurityContextHolderStrategy security;
  private volatile CompletableFuture<?> textImport = CompletableFuture.completedFuture(null);

  DemoTextImport(
      DemoSettings settings,
      DatasetImporter importer,
      DatasetService datasets,
      TrainingRuns runs,
      RunSettings runSettings,
      BackgroundImports imports,
      ObjectProvider<SecurityContextHolderStrategy> security) {
    this.settings = settings;
    this.importer = importer;
    this.datasets = datasets;
    this.runs = runs;
    this.runSettings = runSettings;
    this.imports = imports;
    this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
  }

  /** Starts the import unless the dataset is there or its import is already running. */
  void startIfMissing() {
    if (textImport.isDone() && datasets.findByName(DATASET).isEmpty()) {
      start();
    }
  }

  /**
   * Starts importing the e-mails in the background ({@link BackgroundImports}, as an admin's upload
   * would: it is an admin's action, checked on the server), with the flipped labels in the file and
   * the true ones kept aside; start-up does not wait for the encoder. The dataset appears when the
   * import is done, and its first run is queued then. A shutdown meanwhile rolls it back, and the
   * next start imports it again.
   */
  private void start() {
    DemoTexts texts = DemoTexts.load(settings.textLimit());
    if (texts.classNames().size() < 2) {
      log.warn(
          "relabel.demo.text-limit={} gives e-mails of one class only; no text dataset",
          settings.textLimit());
      return;
    }
    NoisyLabels noisy =
        NoiseInjector.symmetric(
            texts.labelIndexes(),
            texts.classNames().size(),
            settings.noiseRate(),
            settings.noiseSeed());
    Path dir;
    Path file;
    try {
      dir = Files.createTempDirectory("relabel-demo-texts");
      file = texts.write(dir.resolve("spam-assassin-demo.jsonl"), noisy.noisy());
    } catch (IOException e) {
      throw new UncheckedIOException("the demo texts could not be written for their import", e);
    }
    SecurityContext before = security.getContext();
    try {
      SecurityContext admin = security.createEmptyContext();
      admin.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(
              SYSTEM, null, AuthorityUtils.createAuthorityList("ROLE_" + Roles.ADMIN)));
      security.setContext(admin);
      textImport =
          imports.importText(
              DATASET,
              file,
              DemoTexts.SOURCE
                  + ", "
                  + Math.round(settings.noiseRate() * 100)
                  + "% symmetric noise (seed "
                  + settings.noiseSeed()
                  + ")",
              TextFeatures.standard(),
              (written, total) -> {},
              dataset -> {
                importer.recordTruth(dataset.getId(), texts.truth());
                log.info(
                    "Imported {} e-mails into '{}' with {} labels flipped",
                    texts.ids().size(),
                    DATASET,
                    noisy.flippedCount());
                runs.enqueue(dataset.getId(), runSettings, SYSTEM);
              });
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(dir.toFile());
      throw e;
    } finally {
      security.setContext(before);
    }
    textImport.whenComplete(
        (dataset, e) -> {
          FileSystemUtils.deleteRecursively(dir.toFile());
          if (e != null && !(e instanceof ImportStoppedException)) {
            log.error("The demo texts could not be imported", e);
          }
        });
    log.info("Importing {} e-mails into '{}' in the background", texts.ids().size(), DATASET);
  }

  /**
   * The background import of the demo texts this start began, done at once when there was none to
   * do; for tests, which wait for it.
   */
  CompletableFuture<?> running() {
    return textImport;
  }
}

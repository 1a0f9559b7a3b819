package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.RelabelApplication;
import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.ImportStoppedException;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.dataset.TextEncoder;
import com.relabel.dataset.TextFeatures;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Issue 15: an application that shuts down while a background text import is encoding stops the
 * import between two batches, waits for it, and only then closes the encoder's native session (a
 * JVM once crashed inside ONNX Runtime when it exited under a running encode). The import's
 * transaction rolls back: the database, opened again, holds nothing of it.
 */
class TextImportShutdownTest {

  @TempDir Path dir;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void closingTheContextWhileAnImportEncodesStopsItBeforeTheEncoderClosesAndKeepsNothing()
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000";
    Path csv = SyntheticTexts.generate(3000, 3, 0.1, 5).writeCsv(dir.resolve("mails.csv"));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RelabelApplication.class)
            .profiles("worker")
            .run(
                "--spring.datasource.url=" + url,
                "--relabel.jobs.enabled=false",
                "--relabel.bootstrap.admin-password=");
    TestLogins.loginAs(context.getBean(SecurityContextHolderStrategy.class), "admin", "ADMIN");
    AtomicReference<TextEncoder> encoder = new AtomicReference<>();
    AtomicBoolean encoderOpenWhenTheImportEnded = new AtomicBoolean();
    CompletableFuture<Dataset> outcome =
        context
            .getBean(BackgroundImports.class)
            .importText(
                "mails", csv, "mails.csv", TextFeatures.ENCODER, (written, total) -> {}, d -> {});
    CompletableFuture<Boolean> ended =
        outcome.handle(
            (d, e) -> {
              encoderOpenWhenTheImportEnded.set(!encoder.get().isClosed());
              return true;
            });
    // the encoder is loaded when the first 1,000 texts are written: from then on it encodes
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!context.getBeanFactory().containsSingleton("textEncoder") && !outcome.isDone()) {
      assertThat(System.nanoTime()).as("the import reached the encoder").isLessThan(deadline);
      Thread.sleep(50);
    }
    encoder.set(context.getBean(TextEncoder.class));
    Thread.sleep(1500);
    assertThat(outcome).as("still encoding when the context closes").isNotDone();

    context.close();

    assertThat(context.isActive()).isFalse();
    assertThat(outcome).isDone();
    assertThat(ended.get(1, TimeUnit.SECONDS)).isTrue();
    try {
      outcome.get();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ImportStoppedException.class);
    }
    assertThat(outcome).isCompletedExceptionally();
    assertThat(encoderOpenWhenTheImportEnded).as("the encoder closed after the import").isTrue();
    assertThat(encoder.get().isClosed()).isTrue();
    try (var db = DriverManager.getConnection(url, "sa", "");
        ResultSet datasets = db.createStatement().executeQuery("select count(*) from dataset");
        ResultSet samples = db.createStatement().executeQuery("select count(*) from sample")) {
      datasets.next();
      samples.next();
      assertThat(datasets.getInt(1)).as("datasets").isZero();
      assertThat(samples.getInt(1)).as("samples").isZero();
    }
  }
}

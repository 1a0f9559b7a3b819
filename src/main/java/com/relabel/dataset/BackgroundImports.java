package com.relabel.dataset;

import com.relabel.security.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;

/**
 * Text and table imports that run off the request thread, so that a page can show how far the
 * encoder (decision 0038) or the table's writing is and the import goes on when the admin who
 * started it leaves the page. They run as the person who started them, and each is listed on the
 * {@link ImportBoard} while it runs, so that every signed-in user's start page shows it (decision
 * 0052).
 *
 * <p>When the application shuts down, each running import is told to stop: it ends between two
 * batches (of the encoder, or of 1,000 table rows), its transaction rolls back (nothing of it is
 * kept) and the log says so. Shutdown waits for them before the encoder's native session is closed
 * ({@link TextEncoderConfig}): a JVM that exited while an import was encoding crashed inside ONNX
 * Runtime (issue 15).
 */
@Service
public class BackgroundImports implements SmartLifecycle {

  /**
   * How long a shutdown waits for the imports to stop: one batch of 32 texts takes about a second
   * on 2 idle cores, several under load.
   */
  private static final Duration STOP_WAIT = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

  private final TextImport textImport;
  private final TableImport tableImport;
  private final SecurityContextHolderStrategy securityContexts;
  private final ImportBoard board;
  private volatile ExecutorService executor;
  private volatile boolean stopping;

  BackgroundImports(
      TextImport textImport,
      TableImport tableImport,
      SecurityContextHolderStrategy securityContexts,
      ImportBoard board) {
    this.textImport = textImport;
    this.tableImport = tableImport;
    this.securityContexts = securityContexts;
    this.board = board;
  }

  /** What to do with the imported dataset on the import's thread (queue its first run). */
  @FunctionalInterface
  public interface Then {
    void accept(Dataset dataset) throws Exception;
  }

  /**
   * Starts importing a text file ({@link TextImport#importFile(String, Path, String, TextFeatures,
   * TextImport.Progress)}) and then {@code then}; the outcome is the dataset, or the reason there
   * is none: a {@link TextFormatException}, or an {@link ImportStoppedException} when the
   * application shut down first. {@code progress} is told on the import's thread.
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public CompletableFuture<Dataset> importText(
      String name,
      Path file,
      String source,
      TextFeatures features,
      TextImport.Progress progress,
      Then then) {
    return start(
        "Text",
        name,
        source,
        progress,
        (stop, told) -> textImport.importFile(name, file, source, features, told, stop),
        then);
  }

  /**
   * Starts importing a feature table ({@link TableImport#importFile(String, Path, String,
   * TableOptions, TextImport.Progress)}) and then {@code then}; the outcome as for {@link
   * #importText}.
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public CompletableFuture<Dataset> importTable(
      String name,
      Path file,
      String source,
      TableOptions options,
      TextImport.Progress progress,
      Then then) {
    return start(
        "Table",
        name,
        source,
        progress,
        (stop, told) -> tableImport.importFile(name, file, source, options, told, stop),
        then);
  }

  /** An import that asks {@code stop} between batches and tells {@code progress}. */
  @FunctionalInterface
  private interface Importing {
    Dataset run(BooleanSupplier stop, TextImport.Progress progress) throws Exception;
  }

  /**
   * Runs {@code importing} on its own thread, listed on the {@link ImportBoard} (for every user's
   * start page) from now until it ends, with its progress and, if it fails, its reason.
   */
  private CompletableFuture<Dataset> start(
      String kind,
      String name,
      String source,
      TextImport.Progress progress,
      Importing importing,
      Then then) {
    CompletableFuture<Dataset> outcome = new CompletableFuture<>();
    SecurityContext caller = securityContexts.getContext();
    long onBoard = board.started(name, kind, caller.getAuthentication().getName());
    TextImport.Progress told =
        (written, total) -> {
          board.progressed(onBoard, written, total);
          progress.written(written, total);
        };
    Runnable work =
        () -> {
          securityContexts.setContext(caller);
          SecurityContextHolder.setContext(caller);
          try {
            Dataset dataset = importing.run(() -> stopping, told);
            then.accept(dataset);
            board.succeeded(onBoard);
            outcome.complete(dataset);
          } catch (ImportStoppedException e) {
            board.stopped(onBoard);
            log.warn(
                "{} import '{}' from {} was stopped because the application is shutting down"
                    + " ({}); its transaction rolled back, nothing of it was kept",
                kind,
                name,
                source,
                e.getMessage());
            outcome.completeExceptionally(e);
          } catch (Exception | Error e) {
            board.failed(onBoard, reason(e));
            outcome.completeExceptionally(e);
          } finally {
            securityContexts.clearContext();
            SecurityContextHolder.clearContext();
          }
        };
    ExecutorService running = executor;
    try {
      if (running == null) {
        throw new RejectedExecutionException("not started");
      }
      running.execute(work);
    } catch (RejectedExecutionException e) {
      board.stopped(onBoard);
      throw new IllegalStateException(
          "the application is shutting down; the import of '" + name + "' did not start", e);
    }
    return outcome;
  }

  /** Why an import failed, as its page says it: the file and line for a bad file. */
  private static String reason(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : "the import failed";
  }

  @Override
  public void start() {
    stopping = false;
    executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-", 0).factory());
  }

  /** Tells the running imports to stop and waits for them (they roll back). */
  @Override
  public void stop() {
    ExecutorService running = executor;
    if (running == null) {
      return;
    }
    stopping = true;
    running.shutdown();
    try {
      if (!running.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        log.error("Imports did not stop within {}; shutting down anyway", STOP_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}

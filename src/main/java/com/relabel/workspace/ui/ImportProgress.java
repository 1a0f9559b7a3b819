package com.relabel.workspace.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.TextImport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How far a background import is ({@code dataset.BackgroundImports}): "Encoded 3,000 of 20,000
 * texts" (or "Wrote 3,000 of 20,000 rows" for a table) and a bar, pushed as each 1,000 are written
 * (the app pushes run progress the same way, decision 0011). The import does not depend on the
 * page: when the admin leaves it, the import goes on and its dataset appears on the start page when
 * it is done; only the pushes stop.
 */
class ImportProgress extends VerticalLayout {

  private final ProgressBar bar = new ProgressBar();
  private final Span text = new Span();
  private final String done;

  /** The text import's progress. */
  ImportProgress() {
    this("text-import-progress", "Encoded %,d of %,d texts");
  }

  /**
   * @param id the id of the line of text
   * @param done its wording, the written and the total count formatted in
   */
  ImportProgress(String id, String done) {
    this.done = done;
    setPadding(false);
    setVisible(false);
    text.setId(id);
    add(text, bar);
  }

  /** Shows that the file is being checked; returns what the import tells as it writes. */
  TextImport.Progress begin(UI ui) {
    setVisible(true);
    bar.setIndeterminate(true);
    text.setText("Checking the file…");
    return (written, total) -> inUi(ui, () -> show(written, total));
  }

  /**
   * Starts a background import that owns {@code uploaded} and follows it: the file is deleted when
   * the import ends (or fails to start), then {@code tidy} runs in the UI, and either {@code
   * failed} or the start page follows. The file is the import's, so that leaving the page (which
   * detaches the form) does not pull it from under it.
   */
  void follow(
      UI ui,
      Path uploaded,
      Function<TextImport.Progress, CompletableFuture<?>> start,
      Runnable tidy,
      Consumer<Throwable> failed) {
    CompletableFuture<?> outcome;
    try {
      outcome = start.apply(begin(ui));
    } catch (RuntimeException e) {
      UploadedFile.delete(uploaded);
      setVisible(false);
      tidy.run();
      failed.accept(e);
      return;
    }
    outcome.whenComplete((dataset, e) -> UploadedFile.delete(uploaded));
    end(
        ui,
        outcome,
        e -> {
          tidy.run();
          failed.accept(e);
        },
        () -> {
          tidy.run();
          ui.navigate("");
        });
  }

  /**
   * When {@code outcome} is there: hides the bar, then {@code done} or {@code failed} in the UI.
   */
  void end(UI ui, CompletableFuture<?> outcome, Consumer<Throwable> failed, Runnable done) {
    outcome.whenComplete(
        (result, e) ->
            inUi(
                ui,
                () -> {
                  setVisible(false);
                  if (e == null) {
                    done.run();
                  } else {
                    failed.accept(e);
                  }
                }));
  }

  /** Runs {@code command} in the page if it is still open. */
  private static void inUi(UI ui, Command command) {
    try {
      ui.access(command);
    } catch (UIDetachedException e) {
      // the admin left the page: the import goes on (it is not the page's to cancel)
    }
  }

  private void show(int written, int total) {
    bar.setIndeterminate(false);
    bar.setValue(total == 0 ? 1 : (double) written / total);
    text.setText(done.formatted(written, total));
  }
}

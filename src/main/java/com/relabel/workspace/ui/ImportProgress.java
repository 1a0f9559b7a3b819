package com.relabel.workspace.ui;

import com.relabel.dataset.TextImport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How far a background text import is ({@code dataset.BackgroundImports}): "Encoded 3,000 of 20,000
 * texts" and a bar, pushed as each 1,000 are written (the app pushes run progress the same way,
 * decision 0011). The import does not depend on the page: when the admin leaves it, the import goes
 * on and its dataset appears on the start page when it is done; only the pushes stop.
 */
class ImportProgress extends VerticalLayout {

  private final ProgressBar bar = new ProgressBar();
  private final Span text = new Span();

  ImportProgress() {
    setPadding(false);
    setVisible(false);
    text.setId("text-import-progress");
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
    text.setText("Encoded %,d of %,d texts".formatted(written, total));
  }
}

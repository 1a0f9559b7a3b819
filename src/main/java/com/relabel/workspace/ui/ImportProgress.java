package com.relabel.workspace.ui;

import com.relabel.dataset.TextImport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Consumer;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A text import that encodes its texts, run off the request thread so the page can show how far it
 * is: "Encoded 3,000 of 20,000 texts" and a bar, pushed as each 1,000 are written (the app pushes
 * run progress the same way, decision 0011). The import runs as the person who started it.
 */
class ImportProgress extends VerticalLayout {

  /** The import itself, told of its progress. */
  @FunctionalInterface
  interface Work {
    void run(TextImport.Progress progress) throws Exception;
  }

  private final ProgressBar bar = new ProgressBar();
  private final Span text = new Span();

  ImportProgress() {
    setPadding(false);
    setVisible(false);
    text.setId("text-import-progress");
    add(text, bar);
  }

  /**
   * Runs {@code work} on a virtual thread with the caller's security context; then {@code done} or
   * {@code failed} in the UI.
   */
  void start(UI ui, Work work, Consumer<Exception> failed, Runnable done) {
    setVisible(true);
    bar.setIndeterminate(true);
    text.setText("Checking the file…");
    Runnable task =
        () -> {
          try {
            work.run((written, total) -> ui.access(() -> show(written, total)));
            ui.access(
                () -> {
                  setVisible(false);
                  done.run();
                });
          } catch (Exception e) {
            ui.access(
                () -> {
                  setVisible(false);
                  failed.accept(e);
                });
          }
        };
    Thread.startVirtualThread(
        new DelegatingSecurityContextRunnable(task, SecurityContextHolder.getContext()));
  }

  private void show(int written, int total) {
    bar.setIndeterminate(false);
    bar.setValue(total == 0 ? 1 : (double) written / total);
    text.setText("Encoded %,d of %,d texts".formatted(written, total));
  }
}

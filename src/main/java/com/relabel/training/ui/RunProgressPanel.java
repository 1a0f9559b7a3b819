package com.relabel.training.ui;

import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.RunProgress;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Instant;

/**
 * The live state of a dataset's queued or running run: phase, epoch, samples per second, device,
 * time left, a progress bar, and Cancel for admins. It draws whatever {@link RunProgress} it is
 * given; the view that holds it feeds it from {@link com.relabel.training.RunProgressEvents} (push)
 * and from a slow poll.
 */
public class RunProgressPanel extends Div {

  private final TrainingRuns runs;
  private final Paragraph text = new Paragraph();
  private final ProgressBar bar = new ProgressBar(0, 1, 0);
  private final Button cancel = new Button("Cancel run");
  private RunProgress shown;

  public RunProgressPanel(TrainingRuns runs, RunProgress initial) {
    this.runs = runs;
    setId("run-live-" + initial.datasetId());
    addClassName("run-progress-panel");
    text.setId("run-progress-text");
    bar.setId("run-progress");
    cancel.setId("cancel-run");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
    cancel.addClickListener(e -> cancelRun());
    cancel.setVisible(CurrentUser.hasRole(Roles.ADMIN));
    add(text, bar, cancel);
    show(initial);
  }

  /** Draws {@code progress}, the newest state of the run. */
  public void show(RunProgress progress) {
    shown = progress;
    text.setText("Run #" + progress.runId() + ": " + progress.describe(Instant.now()));
    bar.setValue(Math.max(0, Math.min(1, progress.progress())));
    bar.setIndeterminate(progress.status() == RunStatus.QUEUED);
    boolean cancellable = progress.status().isActive() && !progress.cancelRequested();
    cancel.setEnabled(cancellable);
    cancel.setText(progress.cancelRequested() ? "Cancelling…" : "Cancel run");
  }

  /** The run shown. */
  public long runId() {
    return shown.runId();
  }

  private void cancelRun() {
    try {
      runs.cancel(shown.runId());
      cancel.setEnabled(false);
      cancel.setText("Cancelling…");
    } catch (IllegalStateException e) {
      Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
    }
  }
}

package com.relabel.training.ui;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.EmbeddingsImport;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.MeasuredYield;
import com.relabel.training.MeasuredYields;
import com.relabel.training.PredictionsImport;
import com.relabel.training.RunCharts;
import com.relabel.training.RunComparisons;
import com.relabel.training.RunProgress;
import com.relabel.training.RunProgressEvents;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A dataset's runs for admins: Retrain, the live progress of the active run (pushed), every run in
 * {@link RunsTable} (a click opens its details; Activate, after a dialog with both runs' measures,
 * makes a succeeded run rank the queue, decision 0026), the active run's yield, a comparison of any
 * two runs ({@link TwoRunsComparison}), and the active run's pictures (score histogram, confusion
 * matrix: a cell opens those samples in the queue grid). A run that finishes held back is announced
 * by a notification.
 */
@Route("runs/:datasetId")
@PageTitle("Runs · Relabel")
@RolesAllowed(Roles.ADMIN)
class RunsView extends VerticalLayout implements BeforeEnterObserver {

  private final DatasetService datasets;
  private final TrainingRuns runs;
  private final RunComparisons comparisons;
  private final ActiveRunPictures pictures;
  private final RunSettings defaults;
  private final PredictionsImport predictions;
  private final EmbeddingsImport embeddings;
  private final MeasuredYields yields;
  private final H2 title = new H2();
  private final Div live = new Div();
  private final RunsTable table = new RunsTable(this::askActivate);
  private final Grid<TrainingRun> grid = table.grid();
  private final Paragraph activeYield = new Paragraph();
  private RunProgressPanel panel;
  private Dataset dataset;
  private Registration polling;

  /**
   * The measured yields of the runs shown, and what they were read for (run ids, statuses and the
   * ranking run): a poll while a run trains reads them again only when that changed.
   */
  private Map<Long, MeasuredYield> measured = Map.of();

  private String measuredFor = "";

  RunsView(
      DatasetService datasets,
      TrainingRuns runs,
      RunComparisons comparisons,
      RunCharts charts,
      RunProgressEvents events,
      RunSettings defaults,
      PredictionsImport predictions,
      MeasuredYields yields,
      EmbeddingsImport embeddings) {
    this.predictions = predictions;
    this.embeddings = embeddings;
    this.yields = yields;
    this.datasets = datasets;
    this.runs = runs;
    this.comparisons = comparisons;
    this.pictures = new ActiveRunPictures(datasets, charts);
    this.defaults = defaults;
    var retrain = new Button("Retrain…", e -> openRetrain());
    retrain.setId("retrain-open");
    retrain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var imported =
        new Button(
            "Import predictions…",
            e -> new PredictionsDialog(predictions, dataset.getId(), run -> refresh()).open());
    imported.setId("predictions-open");
    imported.setTooltipText("Score this dataset from your own model's class probabilities");
    var ownVectors =
        new Button(
            "Own embeddings…",
            e ->
                new EmbeddingsDialog(embeddings, datasets.get(dataset.getId()), this::refresh)
                    .open());
    ownVectors.setId("embeddings-open");
    ownVectors.setTooltipText("Attach your own model's vectors; runs can learn from them");
    live.setId("run-live");
    activeYield.setId("active-run-yield");
    add(
        title,
        new HorizontalLayout(retrain, imported, ownVectors),
        live,
        new H3("Runs"),
        new Paragraph(
            "A finished run ranks the queue only if it is not worse than the active run on"
                + " held-out accuracy and on the reviewers' corrections; otherwise it is"
                + " \"finished, not active\" with the reason, and Activate makes it rank the"
                + " queue. Expected 100 / 1k: wrong labels the run expects in the first 100 /"
                + " 1,000 of its queue. Found / 100: wrong labels reviewers found per 100 reviews"
                + " while it ranked the queue (reviews so far in brackets; from 50 on). Click a"
                + " run for its device, durations, methods, and how its top of the queue differs"
                + " from the run it was compared with."),
        activeYield,
        grid,
        new TwoRunsComparison(comparisons, grid),
        new H3("Pictures of the active run"));
    add(pictures.parts());
    LiveRuns.bind(this, events, this::onProgress);
    addAttachListener(e -> polling = e.getUI().addPollListener(p -> refresh()));
    addDetachListener(
        e -> {
          polling.remove();
          e.getUI().setPollInterval(-1);
        });
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    dataset = datasets.get(id);
    title.setText("Runs · " + dataset.getName());
    refresh();
    pictures.draw(dataset);
  }

  private void refresh() {
    if (dataset == null) {
      return;
    }
    List<TrainingRun> history = runs.history(dataset.getId());
    Long ranking = runs.rankingRunId(dataset.getId());
    String shown =
        ranking
            + ":"
            + history.stream()
                .map(r -> r.getId() + "=" + r.getStatus())
                .collect(Collectors.joining(","));
    if (!shown.equals(measuredFor)) {
      measured = yields.of(history);
      measuredFor = shown;
    }
    table.show(history, ranking, measured);
    showActiveYield(history, ranking);
    live.removeAll();
    panel = null;
    history.stream()
        .filter(r -> r.getStatus().isActive())
        .findFirst()
        .ifPresent(r -> live.add(panel = new RunProgressPanel(runs, RunProgress.of(r))));
    getUI().ifPresent(ui -> LiveRuns.fallbackPoll(ui, panel != null));
  }

  private void onProgress(RunProgress progress) {
    if (dataset == null || progress.datasetId() != dataset.getId()) {
      return;
    }
    if (progress.status().isActive() && panel != null && panel.runId() == progress.runId()) {
      panel.show(progress);
      return;
    }
    refresh();
    if (!progress.status().isActive()) {
      dataset = datasets.get(dataset.getId());
      pictures.draw(dataset);
    }
    if (progress.heldBackReason() != null) {
      var notice =
          Notification.show(
              "Run #"
                  + progress.runId()
                  + " finished but does not rank the queue: "
                  + progress.heldBackReason()
                  + ". The queue keeps the active run's ranking; Activate uses it anyway.",
              15_000,
              Notification.Position.TOP_CENTER);
      notice.setId("held-back-notice");
    }
  }

  /** Asks, showing both runs' measures, then makes {@code run} rank the queue. */
  private void askActivate(TrainingRun run) {
    Long ranking = runs.rankingRunId(dataset.getId());
    TrainingRun active = ranking == null ? null : runs.get(ranking);
    ActivateDialog.ask(
        run,
        active,
        comparisons.againstRanking(run.getId()),
        () -> {
          try {
            runs.activate(run.getId(), CurrentUser.username());
            Notification.show(
                    "Run #" + run.getId() + " ranks the queue now.",
                    5000,
                    Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
          } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
          dataset = datasets.get(dataset.getId());
          refresh();
          pictures.draw(dataset);
        });
  }

  /**
   * The active run's yield above the grid: "Run #7 ranks the queue. Expected errors in top 100 /
   * 1,000: 97 / 944. Measured yield: 92 per 100 reviews, 64 reviewed."
   */
  private void showActiveYield(List<TrainingRun> history, Long activeId) {
    TrainingRun active =
        history.stream().filter(r -> Objects.equals(r.getId(), activeId)).findFirst().orElse(null);
    activeYield.setVisible(active != null);
    if (active != null) {
      activeYield.setText(
          "Run #"
              + active.getId()
              + " ranks the queue. "
              + RunTexts.yieldText(active, measured.get(active.getId())));
    }
  }

  private void openRetrain() {
    new RetrainDialog(
            runs, dataset.getId(), runs.defaultsFor(dataset.getId(), defaults), run -> refresh())
        .open();
  }
}

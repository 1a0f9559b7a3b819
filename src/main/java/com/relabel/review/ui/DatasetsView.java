package com.relabel.review.ui;

import com.relabel.dataset.DatasetOverview;
import com.relabel.dataset.DatasetService;
import com.relabel.scoring.ReviewWeightedEnsemble;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.EnsembleRefit;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The start page: every dataset with its review progress, its latest run, and what to do next. */
@Route("")
@PageTitle("Datasets · Relabel")
@Menu(order = 0, title = "Datasets")
@RolesAllowed({Roles.ADMIN, Roles.ANNOTATOR})
class DatasetsView extends VerticalLayout {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final DatasetService datasets;
  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final EnsembleRefit refit;
  private final VerticalLayout cards = new VerticalLayout();
  private Registration polling;

  DatasetsView(
      DatasetService datasets, TrainingRuns runs, RunSettings defaults, EnsembleRefit refit) {
    this.refit = refit;
    this.datasets = datasets;
    this.runs = runs;
    this.defaults = defaults;
    cards.setPadding(false);
    add(new H2("Datasets"), cards);
    addAttachListener(
        e -> {
          refresh();
          polling = e.getUI().addPollListener(p -> refresh());
        });
    addDetachListener(
        e -> {
          polling.remove();
          e.getUI().setPollInterval(-1);
        });
  }

  /** Redraws the cards; polls every two seconds while a run is queued or running. */
  private void refresh() {
    cards.removeAll();
    List<DatasetOverview> all = datasets.overview();
    if (all.isEmpty()) {
      cards.add(new Paragraph("No datasets yet."));
    }
    boolean active = false;
    for (DatasetOverview d : all) {
      List<TrainingRun> history = runs.history(d.id());
      active |= !history.isEmpty() && history.getFirst().getStatus().isActive();
      cards.add(card(d, history));
    }
    int interval = active ? 2000 : -1;
    getUI().ifPresent(ui -> ui.setPollInterval(interval));
  }

  private Div card(DatasetOverview d, List<TrainingRun> history) {
    var card = new Div();
    card.setId("dataset-" + d.id());
    card.getStyle()
        .set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("border-radius", "8px")
        .set("padding", "var(--lumo-space-m)")
        .set("width", "min(100%, 60rem)");
    card.add(new H3(d.name()));
    card.add(
        new Paragraph(
            String.format(
                "%,d samples · %d classes · %,d open · %,d decided (%,d corrected, %,d excluded)",
                d.samples(), d.numClasses(), d.open(), d.decided(), d.corrected(), d.excluded())));
    if (!history.isEmpty()) {
      card.add(runSummary(history.getFirst()));
      card.add(runHistory(d.id(), history));
    }
    var review =
        new Button(
            "Review queue",
            e ->
                UI.getCurrent()
                    .navigate(ReviewView.class, new RouteParameters("datasetId", "" + d.id())));
    review.setId("review-" + d.id());
    review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var map = new Button("Data map", e -> UI.getCurrent().navigate("map/" + d.id()));
    map.setId("map-" + d.id());
    map.setEnabled(d.activeRunId() != null);
    var queueGrid = new Button("Grid", e -> UI.getCurrent().navigate("queue/" + d.id()));
    queueGrid.setId("grid-" + d.id());
    var actions = new HorizontalLayout(review, queueGrid, map);
    if (CurrentUser.hasRole(Roles.ADMIN)) {
      var csv = new Anchor("export/datasets/" + d.id() + "/labels.csv", "Download labels (CSV)");
      csv.setId("export-" + d.id());
      csv.getElement().setAttribute("router-ignore", true);
      csv.getElement().setAttribute("download", true);
      var retrain = new Button("Retrain", e -> retrain(d.id()));
      retrain.setId("retrain-" + d.id());
      var learn = new Button("Learn from reviews", e -> learnFromReviews(d.id()));
      learn.setId("learn-" + d.id());
      learn.setEnabled(d.activeRunId() != null && d.decided() > 0);
      learn.setTooltipText(
          "Re-fit the ensemble's method weights from the decisions so far and re-rank the queue");
      actions.add(retrain, learn, csv);
    }
    card.add(actions);
    return card;
  }

  private void retrain(long datasetId) {
    try {
      runs.retrain(datasetId, defaults, CurrentUser.username());
      refresh();
    } catch (IllegalStateException e) {
      Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
  }

  /** Every run of the dataset, newest first, with its settings, device and outcome. */
  private Details runHistory(long datasetId, List<TrainingRun> history) {
    var grid = new Grid<TrainingRun>();
    grid.setId("run-history-" + datasetId);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(TrainingRun::getId).setHeader("Run").setAutoWidth(true);
    grid.addColumn(r -> r.getStatus().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
    grid.addColumn(r -> TIME.format(r.getCreatedAt())).setHeader("Queued").setAutoWidth(true);
    grid.addColumn(TrainingRun::getRequestedBy).setHeader("By").setAutoWidth(true);
    grid.addColumn(TrainingRun::getEpochs).setHeader("Epochs").setAutoWidth(true);
    grid.addColumn(TrainingRun::getDeviceUsed).setHeader("Device").setAutoWidth(true);
    grid.addColumn(DatasetsView::duration).setHeader("Took").setAutoWidth(true);
    grid.addColumn(TrainingRun::getEstimatedErrors).setHeader("Errors (est.)").setAutoWidth(true);
    grid.addColumn(r -> r.getFailureReason() == null ? "" : r.getFailureReason())
        .setHeader("Reason")
        .setFlexGrow(1);
    grid.setItems(history);
    grid.setAllRowsVisible(true);
    var details = new Details("Run history (" + history.size() + ")", grid);
    details.setWidthFull();
    return details;
  }

  private static String duration(TrainingRun run) {
    if (run.getStartedAt() == null || run.getFinishedAt() == null) {
      return "";
    }
    long s = Duration.between(run.getStartedAt(), run.getFinishedAt()).toSeconds();
    return String.format("%d min %02d s", s / 60, s % 60);
  }

  private void learnFromReviews(long datasetId) {
    EnsembleRefit.Outcome outcome = refit.refit(datasetId);
    String text =
        outcome.fitted()
            ? "Queue re-ranked with weights learned from "
                + outcome.reviews()
                + " reviews: "
                + outcome.describe()
            : "Not enough reviews yet (at least "
                + ReviewWeightedEnsemble.MIN_REVIEWS_PER_OUTCOME
                + " confirmed and "
                + ReviewWeightedEnsemble.MIN_REVIEWS_PER_OUTCOME
                + " corrected or excluded): equal weights kept.";
    Notification.show(text, 8000, Notification.Position.MIDDLE).setId("learn-result");
    refresh();
  }

  private void cancel(long runId) {
    try {
      runs.cancel(runId);
    } catch (IllegalStateException e) {
      Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
    }
    refresh();
  }

  private Div runSummary(TrainingRun run) {
    var box = new Div();
    box.setId("run-" + run.getId());
    String device = run.getDeviceUsed() == null ? "" : " on " + run.getDeviceUsed();
    String text =
        switch (run.getStatus()) {
          case QUEUED -> "Run #" + run.getId() + " is queued.";
          case RUNNING ->
              String.format(
                  "Run #%d: %s, epoch %s of %d%s%s",
                  run.getId(),
                  run.getPhase(),
                  run.getCurrentEpoch() == null ? "–" : run.getCurrentEpoch(),
                  run.getEpochs(),
                  device,
                  run.getSamplesPerSecond() == null
                      ? ""
                      : String.format(", %,.0f samples/s", run.getSamplesPerSecond()));
          case SUCCEEDED ->
              String.format(
                  "Run #%d finished%s: about %,d label errors estimated.",
                  run.getId(), device, run.getEstimatedErrors());
          case FAILED -> "Run #" + run.getId() + " failed: " + run.getFailureReason();
          case CANCELLED -> "Run #" + run.getId() + " was cancelled.";
        };
    box.add(new Paragraph(text));
    if (run.getStatus().isActive()) {
      var bar = new ProgressBar(0, 1, run.getProgress() == null ? 0 : run.getProgress());
      bar.setId("run-progress");
      box.add(bar);
      if (CurrentUser.hasRole(Roles.ADMIN) && !run.isCancelRequested()) {
        var cancel = new Button("Cancel run", e -> cancel(run.getId()));
        cancel.setId("cancel-run-" + run.getId());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        box.add(cancel);
      }
    }
    if (run.getEvaluation() != null) {
      var eval = new Paragraph("Detection of the known label errors: " + run.getEvaluation());
      eval.setId("run-evaluation");
      eval.getStyle().set("white-space", "pre-line").set("font-family", "monospace");
      box.add(eval);
    }
    return box;
  }
}

package com.relabel.workspace.ui;

import com.relabel.dataset.DatasetOverview;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.ImportBoard;
import com.relabel.scoring.ReviewWeightedEnsemble;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.EnsembleRefit;
import com.relabel.training.RunProgress;
import com.relabel.training.RunProgressEvents;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import com.relabel.training.ui.LiveRuns;
import com.relabel.training.ui.RetrainDialog;
import com.relabel.training.ui.RunProgressPanel;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The start page: the imports running on this node ({@link RunningImports}), then every dataset
 * with its review progress, its latest run, and what to do next.
 */
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
  private final ConsensusControls consensus;
  private final GuidelinesEditor guidelines;
  private final VerticalLayout cards = new VerticalLayout();
  private final Map<Long, RunProgressPanel> livePanels = new HashMap<>();
  private Registration polling;

  DatasetsView(
      DatasetService datasets,
      TrainingRuns runs,
      RunSettings defaults,
      EnsembleRefit refit,
      ConsensusControls consensus,
      GuidelinesEditor guidelines,
      RunProgressEvents progressEvents,
      ImportBoard imports) {
    this.refit = refit;
    this.consensus = consensus;
    this.guidelines = guidelines;
    this.datasets = datasets;
    this.runs = runs;
    this.defaults = defaults;
    cards.setPadding(false);
    add(new H2("Datasets"), new RunningImports(imports, this::refresh), cards);
    LiveRuns.bind(this, progressEvents, this::onProgress);
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

  /**
   * Redraws the cards. Progress of runs on this node is pushed ({@link #onProgress}); while a run
   * is queued or running the page also polls every {@value LiveRuns#FALLBACK_POLL_MILLIS} ms, for
   * runs that execute on another node.
   */
  private void refresh() {
    cards.removeAll();
    livePanels.clear();
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
    boolean anyActive = active;
    getUI().ifPresent(ui -> LiveRuns.fallbackPoll(ui, anyActive));
  }

  /**
   * A pushed progress event: moves the run's bar in place, or redraws when a run starts or ends.
   */
  private void onProgress(RunProgress progress) {
    RunProgressPanel panel = livePanels.get(progress.datasetId());
    if (progress.status().isActive() && panel != null && panel.runId() == progress.runId()) {
      panel.show(progress);
    } else {
      refresh();
    }
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
                "%,d samples · %d classes · %,d OPEN · %,d decided (%,d CORRECTED, %,d EXCLUDED)",
                d.samples(), d.numClasses(), d.open(), d.decided(), d.corrected(), d.excluded())));
    if (!history.isEmpty()) {
      card.add(runSummary(history.getFirst()));
      card.add(runHistory(d.id(), history));
    }
    var review = new Button("Review queue", e -> UI.getCurrent().navigate("review/" + d.id()));
    review.setId("review-" + d.id());
    review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var map = new Button("Data map", e -> UI.getCurrent().navigate("map/" + d.id()));
    map.setId("map-" + d.id());
    map.setEnabled(d.activeRunId() != null);
    var queueGrid = new Button("Grid", e -> UI.getCurrent().navigate("queue/" + d.id()));
    queueGrid.setId("grid-" + d.id());
    var actions = new HorizontalLayout(review, queueGrid, map);
    actions.getStyle().set("flex-wrap", "wrap"); // the card stays within narrow windows
    if (CurrentUser.hasRole(Roles.ADMIN)) {
      var csv = download(d.id(), "labels.csv", "Download labels (CSV)");
      csv.setId("export-" + d.id());
      var jsonl = download(d.id(), "labels.jsonl", "JSONL");
      jsonl.setId("export-jsonl-" + d.id());
      var own = download(d.id(), "source", "In its own format");
      own.setId("export-source-" + d.id());
      own.setTitle(
          "The dataset as it was imported, with the corrected labels, excluded samples left out");
      var retrain = new Button("Retrain", e -> retrain(d.id()));
      retrain.setId("retrain-" + d.id());
      var runsButton = new Button("Runs", e -> UI.getCurrent().navigate("runs/" + d.id()));
      runsButton.setId("runs-" + d.id());
      var learn = new Button("Learn from reviews", e -> learnFromReviews(d.id()));
      learn.setId("learn-" + d.id());
      learn.setEnabled(d.activeRunId() != null && d.decided() > 0);
      learn.setTooltipText(
          "Re-fit the ensemble's method weights from the decisions so far and re-rank the queue");
      var cleanTopK = new Button("Clean top K", e -> UI.getCurrent().navigate("clean/" + d.id()));
      cleanTopK.setId("clean-" + d.id());
      cleanTopK.setEnabled(d.activeRunId() != null);
      cleanTopK.setTooltipText(
          "Accept the suggested label of every open sample above a score and a probability");
      actions.add(retrain, runsButton, learn, cleanTopK, csv, jsonl, own);
      actions.add(guidelines.button(d.id()));
    }
    card.add(actions, consensus.forDataset(d.id()));
    return card;
  }

  /** A download link to {@code export/datasets/<id>/<file>} (api.ExportsApi). */
  private static Anchor download(long datasetId, String file, String text) {
    var link = new Anchor("export/datasets/" + datasetId + "/" + file, text);
    link.getElement().setAttribute("router-ignore", true);
    link.getElement().setAttribute("download", true);
    return link;
  }

  /** Opens the Retrain dialog; the server refuses a second active run, the dialog says so. */
  private void retrain(long datasetId) {
    new RetrainDialog(runs, datasetId, runs.defaultsFor(datasetId, defaults), run -> refresh())
        .open();
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
    if (run.getStatus().isActive()) {
      var panel = new RunProgressPanel(runs, RunProgress.of(run));
      livePanels.put(run.getDatasetId(), panel);
      box.add(panel);
    } else {
      box.add(new Paragraph(text));
    }
    if (run.getEvaluation() != null) {
      box.add(DetectionResults.of(run.getEvaluation()));
    }
    return box;
  }
}

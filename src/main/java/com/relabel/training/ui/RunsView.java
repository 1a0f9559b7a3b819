package com.relabel.training.ui;

import com.relabel.base.EChart;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import com.relabel.training.MeasuredYield;
import com.relabel.training.MeasuredYields;
import com.relabel.training.PredictionsImport;
import com.relabel.training.RunCharts;
import com.relabel.training.RunComparison;
import com.relabel.training.RunComparisons;
import com.relabel.training.RunProgress;
import com.relabel.training.RunProgressEvents;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dataset's runs for admins: Retrain, the live progress of the active run (pushed), every run
 * with its settings, device, durations and comparison figures (a click opens its expected and
 * measured yield below it), the active run's yield, a comparison of any two runs, and the active
 * run's pictures (score histogram, confusion matrix: a cell opens those samples in the queue grid).
 */
@Route("runs/:datasetId")
@PageTitle("Runs · Relabel")
@RolesAllowed(Roles.ADMIN)
class RunsView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final int HISTOGRAM_BINS = 40;

  private final DatasetService datasets;
  private final TrainingRuns runs;
  private final RunComparisons comparisons;
  private final RunCharts charts;
  private final RunSettings defaults;
  private final PredictionsImport predictions;
  private final MeasuredYields yields;
  private final H2 title = new H2();
  private final Div live = new Div();
  private final Grid<TrainingRun> grid = new Grid<>();
  private final Paragraph activeYield = new Paragraph();
  private final Button compare = new Button("Compare the two selected runs");
  private final Paragraph comparison = new Paragraph();
  private final Select<String> method = new Select<>();
  private final EChart histogram = new EChart();
  private final EChart confusion = new EChart();
  private final Paragraph picturesCaption = new Paragraph();
  private RunProgressPanel panel;
  private Dataset dataset;
  private Registration polling;

  RunsView(
      DatasetService datasets,
      TrainingRuns runs,
      RunComparisons comparisons,
      RunCharts charts,
      RunProgressEvents events,
      RunSettings defaults,
      PredictionsImport predictions,
      MeasuredYields yields) {
    this.predictions = predictions;
    this.yields = yields;
    this.datasets = datasets;
    this.runs = runs;
    this.comparisons = comparisons;
    this.charts = charts;
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
    live.setId("run-live");
    activeYield.setId("active-run-yield");
    configureGrid();
    compare.setId("compare-runs");
    compare.setEnabled(false);
    compare.addClickListener(e -> compareSelected());
    comparison.setId("comparison-result");
    method.setId("histogram-method");
    method.setLabel("Score");
    method.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            drawHistogram(e.getValue());
          }
        });
    histogram.setId("score-histogram");
    histogram.setHeight("320px");
    confusion.setId("confusion-matrix");
    confusion.setHeight("520px");
    confusion.addItemClickListener(this::openCell);
    add(
        title,
        new HorizontalLayout(retrain, imported),
        live,
        new H3("Runs"),
        new Paragraph(
            "Top of the queue: the k most suspicious samples, k = the run's estimated number of"
                + " label errors (1,000 when it estimated none). Moved in / out: samples that"
                + " entered or left the top compared with the run it replaced. Corrections"
                + " agreed: of the samples reviewers corrected before the run started, how many"
                + " it suggests the corrected label for. Click a run for its expected errors in"
                + " the top 100 / 1,000 of its queue and what reviewers found there."),
        activeYield,
        grid,
        new HorizontalLayout(compare),
        comparison,
        new H3("Pictures of the active run"),
        picturesCaption,
        method,
        histogram,
        confusion);
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
    drawPictures();
  }

  private void configureGrid() {
    grid.setId("runs-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.addColumn(TrainingRun::getId).setHeader("Run").setAutoWidth(true);
    grid.addColumn(r -> r.getStatus().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
    grid.addColumn(RunsView::settingsText).setHeader("Settings").setAutoWidth(true);
    grid.addColumn(r -> r.getMethods() == null || r.getMethods().isBlank() ? "all" : r.getMethods())
        .setHeader("Methods")
        .setAutoWidth(true);
    grid.addColumn(r -> r.getDeviceUsed() != null ? r.getDeviceUsed() : r.deviceRequested())
        .setHeader("Device")
        .setAutoWidth(true);
    grid.addColumn(r -> TIME.format(r.getCreatedAt())).setHeader("Queued").setAutoWidth(true);
    grid.addColumn(r -> seconds(r.getCreatedAt(), r.getStartedAt()))
        .setHeader("Waited")
        .setAutoWidth(true);
    grid.addColumn(r -> seconds(r.getStartedAt(), r.getFinishedAt()))
        .setHeader("Took")
        .setAutoWidth(true);
    grid.addColumn(r -> r.getExecutedBy() == null ? "" : r.getExecutedBy())
        .setHeader("Node")
        .setAutoWidth(true);
    grid.addColumn(RunsView::heldOut).setHeader("Held-out acc.").setAutoWidth(true);
    grid.addColumn(TrainingRun::getEstimatedErrors)
        .setHeader("Errors (est.)")
        .setAutoWidth(true)
        .setTooltipGenerator(
            r ->
                expectedYield(r).isEmpty()
                    ? ""
                    : "Expected errors in top 100 / 1,000: " + expectedYield(r));
    grid.addColumn(RunsView::aumCutoff).setHeader("AUM threshold").setAutoWidth(true);
    grid.addColumn(r -> r.storedComparison().map(c -> "" + c.topK()).orElse(""))
        .setHeader("Top k")
        .setAutoWidth(true);
    grid.addColumn(r -> r.storedComparison().map(RunsView::moved).orElse(""))
        .setHeader("Moved in / out")
        .setAutoWidth(true);
    grid.addColumn(r -> r.storedComparison().map(RunsView::agreed).orElse(""))
        .setHeader("Corrections agreed")
        .setAutoWidth(true);
    grid.addColumn(r -> r.getFailureReason() == null ? "" : r.getFailureReason())
        .setHeader("Reason")
        .setFlexGrow(1);
    grid.setAllRowsVisible(true);
    grid.setDetailsVisibleOnClick(true);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::yieldDetails));
    grid.addSelectionListener(
        e -> {
          int selected = e.getAllSelectedItems().size();
          compare.setEnabled(selected == 2);
        });
  }

  private void refresh() {
    if (dataset == null) {
      return;
    }
    List<TrainingRun> history = runs.history(dataset.getId());
    Set<Long> opened =
        grid.getGenericDataView()
            .getItems()
            .filter(grid::isDetailsVisible)
            .map(TrainingRun::getId)
            .collect(Collectors.toSet());
    grid.setItems(history);
    history.stream()
        .filter(r -> opened.contains(r.getId()))
        .forEach(r -> grid.setDetailsVisible(r, true));
    showActiveYield(history);
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
      drawPictures();
    }
  }

  /**
   * The active run's yield above the grid: "Run #7 ranks the queue. Expected errors in top 100 /
   * 1,000: 97 / 944. Measured yield: 92 per 100 reviews, 64 reviewed."
   */
  private void showActiveYield(List<TrainingRun> history) {
    Long activeId = datasets.get(dataset.getId()).getActiveRunId();
    TrainingRun active =
        history.stream().filter(r -> Objects.equals(r.getId(), activeId)).findFirst().orElse(null);
    activeYield.setVisible(active != null);
    if (active != null) {
      activeYield.setText(
          "Run #"
              + active.getId()
              + " ranks the queue. "
              + yieldText(active, yields.of(active).orElse(null)));
    }
  }

  /**
   * Below a clicked run: its expected yield and, once it has ranked the queue, the measured one.
   */
  private Div yieldDetails(TrainingRun run) {
    Div details = new Div();
    details.addClassName("run-yield");
    if (run.getStatus().isActive()) {
      details.setText("Expected and measured errors come when the run has succeeded.");
    } else {
      details.setText(yieldText(run, yields.of(run).orElse(null)));
    }
    return details;
  }

  /**
   * "Expected errors in top 100 / 1,000: 97 / 944. Measured yield: 92 per 100 reviews, 64
   * reviewed." (or "after 50 reviews (12 so far)"); "No expected or measured errors: the run did
   * not succeed." for a failed or cancelled run.
   */
  static String yieldText(TrainingRun run, MeasuredYield measured) {
    String expected = expectedYield(run);
    if (expected.isEmpty() && measured == null) {
      return "No expected or measured errors: the run did not succeed.";
    }
    return (expected.isEmpty()
            ? "Expected errors in top 100 / 1,000: not recorded."
            : "Expected errors in top 100 / 1,000: " + expected + ".")
        + (measured == null ? "" : " Measured yield: " + measured.describe() + ".");
  }

  /** "97 / 944": the wrong labels the run expects in the top 100 / 1,000, or empty when unknown. */
  static String expectedYield(TrainingRun run) {
    if (run.getExpectedErrorsTop100() == null || run.getExpectedErrorsTop1000() == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%,.0f / %,.0f",
        run.getExpectedErrorsTop100(),
        run.getExpectedErrorsTop1000());
  }

  private void openRetrain() {
    new RetrainDialog(runs, dataset.getId(), defaults, run -> refresh()).open();
  }

  private void compareSelected() {
    List<TrainingRun> two = new ArrayList<>(grid.getSelectedItems());
    two.sort(Comparator.comparing(TrainingRun::getId));
    TrainingRun older = two.get(0);
    TrainingRun newer = two.get(1);
    try {
      RunComparison c = comparisons.compare(newer.getId(), older.getId());
      comparison.setText(
          String.format(
              "Run #%d against run #%d: top %,d; %,d samples moved into the top, %,d out of it;"
                  + " errors estimated %s → %s; run #%d agrees with %s earlier corrections.",
              newer.getId(),
              older.getId(),
              c.topK(),
              c.movedIntoTop(),
              c.movedOutOfTop(),
              older.getEstimatedErrors() == null
                  ? "–"
                  : "%,d".formatted(older.getEstimatedErrors()),
              newer.getEstimatedErrors() == null
                  ? "–"
                  : "%,d".formatted(newer.getEstimatedErrors()),
              newer.getId(),
              agreed(c)));
    } catch (RuntimeException e) {
      comparison.setText("Cannot compare: " + e.getMessage());
    }
  }

  private void drawPictures() {
    Long active = dataset.getActiveRunId();
    histogram.setVisible(active != null);
    confusion.setVisible(active != null);
    method.setVisible(active != null);
    if (active == null) {
      picturesCaption.setText("No run has scored this dataset yet.");
      return;
    }
    picturesCaption.setText("Run #" + active + ".");
    List<String> items = new ArrayList<>();
    items.add(RunCharts.ENSEMBLE);
    items.addAll(charts.methods(active));
    method.setItems(items);
    method.setValue(RunCharts.ENSEMBLE);
    drawHistogram(RunCharts.ENSEMBLE);
    confusion.setOption(
        RunChartOptions.confusion(
            charts.confusion(active, dataset.getNumClasses()),
            datasets.classNames(dataset.getId())));
  }

  private void drawHistogram(String scoreName) {
    Long active = dataset.getActiveRunId();
    if (active != null) {
      histogram.setOption(
          RunChartOptions.histogram(charts.histogram(active, scoreName, HISTOGRAM_BINS)));
    }
  }

  /** A cell {@code [suggested, given, count]} opens the queue grid filtered to those samples. */
  private void openCell(EChart.Click click) {
    double[] v = click.value();
    if (v.length < 2 || Double.isNaN(v[0]) || Double.isNaN(v[1])) {
      return;
    }
    UI.getCurrent()
        .navigate(
            "queue/" + dataset.getId(),
            QueryParameters.simple(Map.of("given", "" + (int) v[1], "suggested", "" + (int) v[0])));
  }

  private static String settingsText(TrainingRun r) {
    return String.format(
        "%s · %s epochs · batch %s · lr %.3g · k %d · seed %s%s",
        r.getModel() == null ? "cnn" : r.getModel(),
        r.getEpochs(),
        r.getBatchSize(),
        r.getLearningRate() == null ? Double.NaN : r.getLearningRate(),
        r.getFolds(),
        r.getSeed(),
        r.getCleaningRounds() == 0
            ? ""
            : " · "
                + r.getCleaningRounds()
                + " cleaning round"
                + (r.getCleaningRounds() == 1 ? "" : "s"));
  }

  private static String seconds(Instant from, Instant to) {
    if (from == null || to == null) {
      return "";
    }
    long s = Duration.between(from, to).toSeconds();
    return String.format("%d min %02d s", s / 60, s % 60);
  }

  private static String moved(RunComparison c) {
    return c.previousRunId() == null
        ? "first run"
        : "+%,d / −%,d (vs #%d)".formatted(c.movedIntoTop(), c.movedOutOfTop(), c.previousRunId());
  }

  private static String agreed(RunComparison c) {
    return c.correctionsBefore() == 0
        ? "no corrections yet"
        : "%,d of %,d".formatted(c.correctionsAgreed(), c.correctionsBefore());
  }

  /**
   * "AUM cut-off -0.42: 1,234 samples below" for a run with the AUM threshold pass, "AUM pass
   * pending" while such a run has not finished, or empty.
   */
  static String aumCutoff(TrainingRun run) {
    if (run.getAumCutoff() == null) {
      return run.isAumThresholdPass() && run.getStatus().isActive() ? "AUM pass pending" : "";
    }
    return String.format(
        java.util.Locale.ROOT,
        "AUM cut-off %.2f: %,d samples below",
        run.getAumCutoff(),
        run.getAumFlaggedCount());
  }

  /** "97.1 % of 600", or empty when the run held nothing out (or has not finished). */
  static String heldOut(TrainingRun run) {
    if (run.getHeldOutAccuracy() == null) {
      return "";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%.1f %% of %,d",
        100 * run.getHeldOutAccuracy(),
        run.getHeldOutCount() == null ? 0 : run.getHeldOutCount());
  }
}

package com.relabel.training.ui;

import com.relabel.training.MeasuredYield;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Runs page's table: one row per run with what runs are compared by (whether it ranks the queue
 * and when it finished, status with Activate, model and settings, held-out accuracy, estimated
 * errors, expected and measured yield), dense enough to fit 1400 and 1024 pixels wide pages without
 * scrolling sideways; the rest (device, node, durations, methods, AUM, the comparison with the run
 * it replaced, the reason it failed or was held back) in the row's details, opened by a click.
 */
final class RunsTable {

  private final Grid<TrainingRun> grid = new Grid<>();
  private final Consumer<TrainingRun> onActivate;
  private Long rankingRunId;
  private Map<Long, MeasuredYield> measured = Map.of();

  RunsTable(Consumer<TrainingRun> onActivate) {
    this.onActivate = onActivate;
    grid.setId("runs-grid");
    grid.addThemeVariants(
        GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    // narrower cell padding: nine columns fit 1400 pixels, and most of them 1024
    grid.getStyle().set("--lumo-space-m", "0.5rem");
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.addComponentColumn(this::runCell)
        .setHeader("Run / when")
        .setWidth("6rem")
        .setFlexGrow(1)
        .setKey("run")
        .setTooltipGenerator(RunTexts::timing);
    grid.addComponentColumn(this::statusCell)
        .setHeader("Status")
        .setWidth("7.5rem")
        .setFlexGrow(3)
        .setKey("status");
    grid.addColumn(RunTexts::settingsShort)
        .setHeader("Model / settings")
        .setWidth("6.5rem")
        .setFlexGrow(2)
        .setKey("settings")
        .setTooltipGenerator(RunTexts::settingsText);
    grid.addColumn(RunTexts::heldOutShort)
        .setHeader("Held-out acc.")
        .setWidth("4.5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("held-out")
        .setTooltipGenerator(RunTexts::heldOut);
    grid.addColumn(
            r -> r.getEstimatedErrors() == null ? "" : "%,d".formatted(r.getEstimatedErrors()))
        .setHeader("Errors (est.)")
        .setWidth("4.5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("errors");
    grid.addColumn(RunTexts::expectedYield)
        .setHeader("Expected 100 / 1k")
        .setWidth("5.5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("expected")
        .setTooltipGenerator(
            r -> "Wrong labels the run expects in the first 100 / 1,000 samples of its queue");
    grid.addColumn(r -> RunTexts.measuredShort(measured.get(r.getId())))
        .setHeader("Found / 100")
        .setWidth("5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("measured")
        .setTooltipGenerator(
            r ->
                measured.get(r.getId()) == null
                    ? "Not measured: the run has not ranked the queue"
                    : "Measured yield: " + measured.get(r.getId()).describe());
    grid.setAllRowsVisible(true);
    grid.setDetailsVisibleOnClick(true);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
  }

  Grid<TrainingRun> grid() {
    return grid;
  }

  /**
   * Shows {@code runs}, with the run that ranks the queue and the measured yields of the runs that
   * have ranked it; the rows whose details were open stay open.
   */
  void show(List<TrainingRun> runs, Long rankingRunId, Map<Long, MeasuredYield> measured) {
    this.rankingRunId = rankingRunId;
    this.measured = measured;
    List<Long> opened =
        grid.getGenericDataView()
            .getItems()
            .filter(grid::isDetailsVisible)
            .map(TrainingRun::getId)
            .toList();
    grid.setItems(runs);
    runs.stream()
        .filter(r -> opened.contains(r.getId()))
        .forEach(r -> grid.setDetailsVisible(r, true));
  }

  boolean ranks(TrainingRun run) {
    return Objects.equals(run.getId(), rankingRunId);
  }

  /** "#12", the "active" badge for the run that ranks the queue, and when it finished. */
  private Div runCell(TrainingRun run) {
    var cell = new Div(new Span("#" + run.getId()));
    if (ranks(run)) {
      var badge = new Span("active");
      badge.getElement().getThemeList().add("badge success small");
      badge.getStyle().set("margin-left", "0.3em");
      badge.setId("run-active-" + run.getId());
      cell.add(badge);
    }
    cell.add(small(RunTexts.when(run)));
    return cell;
  }

  private static Div small(String text) {
    var line = new Div(text);
    line.getStyle()
        .set("font-size", "var(--lumo-font-size-xs)")
        .set("color", "var(--lumo-secondary-text-color)")
        .set("line-height", "1.3");
    return line;
  }

  private Div statusCell(TrainingRun run) {
    var cell = new Div();
    cell.setId("run-status-" + run.getId());
    cell.add(new Span(RunTexts.status(run, ranks(run))));
    String why = shortReason(run);
    if (!why.isEmpty()) {
      var reason = small(why);
      reason.addClassName("run-reason");
      cell.add(reason);
    }
    if (run.getStatus() == RunStatus.SUCCEEDED && !ranks(run)) {
      var activate = new Button("Activate", e -> onActivate.accept(run));
      activate.setId("activate-run-" + run.getId());
      activate.addThemeVariants(ButtonVariant.LUMO_SMALL);
      activate.getStyle().set("margin-top", "0.2rem");
      activate.setTooltipText("Make run #" + run.getId() + " rank the queue");
      // the click opens the dialog, not the row's details too
      activate
          .getElement()
          .addEventListener("click", e -> {})
          .addEventData("event.stopPropagation()");
      cell.add(activate);
    }
    return cell;
  }

  /** Everything else about a run, under its row. */
  private Div details(TrainingRun run) {
    var details = new Div();
    details.addClassName("run-details");
    details.setId("run-details-" + run.getId());
    details.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "0 0.5rem");
    List<String> lines = new ArrayList<>();
    if (run.getHeldBackReason() != null) {
      lines.add(
          (ranks(run) ? "Held back when it finished, activated since: " : "Not active: ")
              + run.getHeldBackReason()
              + ".");
    }
    if (run.getFailureReason() != null) {
      lines.add("Reason: " + run.getFailureReason());
    }
    lines.add(
        run.getStatus().isActive()
            ? "Expected and measured errors come when the run has succeeded."
            : RunTexts.yieldText(run, measured.get(run.getId())));
    lines.add(
        "Settings: " + RunTexts.settingsText(run) + "; methods: " + RunTexts.methods(run) + ".");
    lines.add(RunTexts.timing(run) + ".");
    String aum = RunTexts.aumCutoff(run);
    if (!aum.isEmpty()) {
      lines.add(aum + ".");
    }
    run.storedComparison().ifPresent(c -> lines.add(RunTexts.comparison(c)));
    lines.forEach(line -> details.add(new Div(line)));
    return details;
  }

  /** Why a run did not take over, or why it failed, in one short line; else empty. */
  private String shortReason(TrainingRun run) {
    if (run.getHeldBackReason() != null && !ranks(run)) {
      return run.getHeldBackReason();
    }
    if (run.getStatus() == RunStatus.FAILED && run.getFailureReason() != null) {
      String reason = run.getFailureReason();
      return reason.length() > 80 ? reason.substring(0, 79) + "…" : reason;
    }
    return "";
  }
}

package com.relabel.training.ui;

import com.relabel.training.MeasuredYield;
import com.relabel.training.RunComparison;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

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
        .setTooltipGenerator(RunsTable::timing);
    grid.addComponentColumn(this::statusCell)
        .setHeader("Status")
        .setWidth("7.5rem")
        .setFlexGrow(3)
        .setKey("status");
    grid.addColumn(RunsTable::settingsShort)
        .setHeader("Model / settings")
        .setWidth("6.5rem")
        .setFlexGrow(2)
        .setKey("settings")
        .setTooltipGenerator(RunsTable::settingsText);
    grid.addColumn(RunsTable::heldOutShort)
        .setHeader("Held-out acc.")
        .setWidth("4.5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("held-out")
        .setTooltipGenerator(RunsTable::heldOut);
    grid.addColumn(
            r -> r.getEstimatedErrors() == null ? "" : "%,d".formatted(r.getEstimatedErrors()))
        .setHeader("Errors (est.)")
        .setWidth("4.5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("errors");
    grid.addColumn(RunsView::expectedYield)
        .setHeader("Expected 100 / 1k")
        .setWidth("5.5rem")
        .setFlexGrow(0)
        .setTextAlign(ColumnTextAlign.END)
        .setKey("expected")
        .setTooltipGenerator(
            r -> "Wrong labels the run expects in the first 100 / 1,000 samples of its queue");
    grid.addColumn(r -> measuredShort(measured.get(r.getId())))
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
    cell.add(small(when(run)));
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
    cell.add(new Span(status(run, ranks(run))));
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
            : RunsView.yieldText(run, measured.get(run.getId())));
    lines.add("Settings: " + settingsText(run) + "; methods: " + methods(run) + ".");
    lines.add(timing(run) + ".");
    String aum = RunsView.aumCutoff(run);
    if (!aum.isEmpty()) {
      lines.add(aum + ".");
    }
    run.storedComparison().ifPresent(c -> lines.add(comparison(c)));
    lines.forEach(line -> details.add(new Div(line)));
    return details;
  }

  /**
   * "succeeded" for the run that ranks the queue, "finished, not active" for a succeeded one that
   * does not, else the status in lower case.
   */
  static String status(TrainingRun run, boolean ranks) {
    if (run.getStatus() == RunStatus.SUCCEEDED) {
      return ranks ? "succeeded" : "finished, not active";
    }
    return run.getStatus().name().toLowerCase(Locale.ROOT);
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

  /** "6 Dec 14:03": when the run finished, or was queued while it has not (the tooltip has all). */
  static String when(TrainingRun run) {
    return WHEN.format(run.getFinishedAt() != null ? run.getFinishedAt() : run.getCreatedAt());
  }

  /** "cnn · 5 ep · k 4 · 2 rounds": what tells runs apart at a glance. */
  static String settingsShort(TrainingRun r) {
    return String.format(
        Locale.ROOT,
        "%s · %s ep · k %d%s",
        r.getModel() == null ? "cnn" : r.getModel(),
        r.getEpochs(),
        r.getFolds(),
        r.getCleaningRounds() == 0
            ? ""
            : " · " + r.getCleaningRounds() + " round" + (r.getCleaningRounds() == 1 ? "" : "s"));
  }

  /** Every setting: "cnn · 5 epochs · batch 64 · lr 0.001 · k 4 · seed 42 · 2 cleaning rounds". */
  static String settingsText(TrainingRun r) {
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

  private static String methods(TrainingRun r) {
    return r.getMethods() == null || r.getMethods().isBlank() ? "all" : r.getMethods();
  }

  /** "Queued 2026-01-02 14:03:12, waited 0 min 01 s, took 3 min 10 s on cpu, node web-1". */
  static String timing(TrainingRun r) {
    String device = r.getDeviceUsed() != null ? r.getDeviceUsed() : r.deviceRequested();
    StringBuilder text = new StringBuilder("Queued ").append(TIME.format(r.getCreatedAt()));
    String waited = seconds(r.getCreatedAt(), r.getStartedAt());
    if (!waited.isEmpty()) {
      text.append(", waited ").append(waited);
    }
    String took = seconds(r.getStartedAt(), r.getFinishedAt());
    if (!took.isEmpty()) {
      text.append(", took ").append(took);
    }
    if (device != null) {
      text.append(" on ").append(device);
    }
    if (r.getExecutedBy() != null) {
      text.append(", node ").append(r.getExecutedBy());
    }
    return text.toString();
  }

  /** "97.1 %", or empty when the run held nothing out (or has not finished). */
  static String heldOutShort(TrainingRun run) {
    return run.getHeldOutAccuracy() == null
        ? ""
        : String.format(Locale.ROOT, "%.1f %%", 100 * run.getHeldOutAccuracy());
  }

  /** "97.1 % of 600", or empty. */
  static String heldOut(TrainingRun run) {
    return RunsView.heldOut(run);
  }

  /** "92 (64)": wrong labels found per 100 reviews (reviews), "– (12)" before 50 reviews. */
  static String measuredShort(MeasuredYield yield) {
    if (yield == null) {
      return "";
    }
    return yield.isMeasured()
        ? String.format(
            Locale.ROOT, "%.0f (%,d)", yield.errorsPer100().getAsDouble(), yield.reviewed())
        : String.format(Locale.ROOT, "– (%,d)", yield.reviewed());
  }

  private static String comparison(RunComparison c) {
    String moved =
        c.previousRunId() == null
            ? "First run: its top " + "%,d".formatted(c.topK()) + " samples are all new."
            : "Top %,d: %,d samples moved in, %,d out, against run #%d."
                .formatted(c.topK(), c.movedIntoTop(), c.movedOutOfTop(), c.previousRunId());
    String agreed =
        c.correctionsBefore() == 0
            ? " No corrections before it started."
            : " Corrections agreed: %,d of the %,d made before it started."
                .formatted(c.correctionsAgreed(), c.correctionsBefore());
    return moved + agreed;
  }

  private static String seconds(Instant from, Instant to) {
    if (from == null || to == null) {
      return "";
    }
    long s = Duration.between(from, to).toSeconds();
    return String.format("%d min %02d s", s / 60, s % 60);
  }
}

package com.relabel.review.ui;

import com.relabel.review.QueueRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

/** The queue grid's columns. Thumbnails are plain images with crisp (pixelated) scaling. */
final class QueueGridColumns {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private QueueGridColumns() {}

  /**
   * Adds the columns; {@code methodCount} is the number of methods of the active run, so that a
   * sample every method flags reads "all 10" (the tooltip lists them) instead of ten names.
   */
  static void addTo(Grid<QueueRow> grid, LabelNames labels, IntSupplier methodCount) {
    grid.addColumn(
            LitRenderer.<QueueRow>of(
                    "<img class=\"grid-thumb\" loading=\"lazy\" src=\"images/samples/${item.id}.png\""
                        + " alt=\"Sample #${item.index}\">")
                .withProperty("id", QueueRow::sampleId)
                .withProperty("index", QueueRow::sampleIndex))
        .setHeader("Image")
        .setKey("image")
        .setWidth("64px")
        .setFlexGrow(0);
    grid.addColumn(r -> "#" + r.sampleIndex()).setHeader("Sample").setAutoWidth(true);
    grid.addColumn(r -> labels.name(r.givenLabel())).setHeader("Given").setAutoWidth(true);
    grid.addColumn(r -> labels.name(r.originalLabel())).setHeader("Original").setAutoWidth(true);
    grid.addColumn(r -> suggestion(r, labels))
        .setHeader("Suggested")
        .setAutoWidth(true)
        .setTooltipGenerator(r -> suggestion(r, labels));
    grid.addColumn(r -> String.format("%.3f", r.score())).setHeader("Score").setAutoWidth(true);
    // fixed widths for what the first rows may not show yet (auto width measures those only): the
    // longest status word, and a full date
    grid.addColumn(r -> r.status().name())
        .setHeader("Status")
        .setKey("status")
        .setWidth("8.5rem")
        .setFlexGrow(0);
    grid.addColumn(r -> r.region() == null ? "" : r.region().toLowerCase())
        .setHeader("Region")
        .setAutoWidth(true);
    grid.addColumn(
            LitRenderer.<QueueRow>of("<div class=\"grid-wrap\">${item.methods}</div>")
                .withProperty("methods", r -> flaggedBy(r, methodCount.getAsInt())))
        .setHeader("Flagged by")
        .setKey("flagged-by")
        .setWidth("9rem")
        .setFlexGrow(1)
        .setTooltipGenerator(r -> String.join(", ", r.flaggedBy()));
    grid.addColumn(r -> r.decidedBy() == null ? "" : r.decidedBy())
        .setHeader("Decided by")
        .setWidth("7rem")
        .setFlexGrow(0)
        .setTooltipGenerator(r -> r.decidedBy() == null ? "" : r.decidedBy());
    grid.addColumn(r -> r.decidedAt() == null ? "" : TIME.format(r.decidedAt()))
        .setHeader("Decided at")
        .setKey("decided-at")
        .setWidth("10.5rem")
        .setFlexGrow(0);
  }

  static String flaggedBy(QueueRow r, int methodCount) {
    List<String> methods = r.flaggedBy();
    return methods.size() > 1 && methods.size() >= methodCount
        ? "all " + methods.size()
        : String.join(", ", methods);
  }

  /**
   * The column that shows a text sample's first words instead of the thumbnail (text datasets); Lit
   * escapes the interpolated text, so it is never read as markup.
   */
  static Grid.Column<QueueRow> addTextColumn(Grid<QueueRow> grid, Function<QueueRow, String> text) {
    var column =
        grid.addColumn(
                LitRenderer.<QueueRow>of("<div class=\"grid-text\">${item.text}</div>")
                    .withProperty("text", r -> SampleTextBox.clip(text.apply(r))))
            .setHeader("Text")
            .setKey("text")
            .setWidth("22rem")
            .setFlexGrow(0);
    grid.setColumnOrder(
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(column),
                grid.getColumns().stream().filter(c -> c != column))
            .toList());
    return column;
  }

  private static String suggestion(QueueRow r, LabelNames labels) {
    if (r.suggestedLabel() == null) {
      return "";
    }
    return labels.name(r.suggestedLabel())
        + (r.suggestedProbability() == null
            ? ""
            : String.format(" (p = %.2f)", r.suggestedProbability()));
  }
}

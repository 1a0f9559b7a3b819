package com.relabel.review.ui;

import com.relabel.review.QueueRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The queue grid's columns. Thumbnails are plain images with crisp (pixelated) scaling. */
final class QueueGridColumns {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private QueueGridColumns() {}

  static void addTo(Grid<QueueRow> grid, LabelNames labels) {
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
    grid.addColumn(r -> suggestion(r, labels)).setHeader("Suggested").setAutoWidth(true);
    grid.addColumn(r -> String.format("%.3f", r.score())).setHeader("Score").setAutoWidth(true);
    grid.addColumn(r -> r.status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
    grid.addColumn(r -> r.region() == null ? "" : r.region().toLowerCase())
        .setHeader("Region")
        .setAutoWidth(true);
    grid.addColumn(r -> String.join(", ", r.flaggedBy())).setHeader("Flagged by").setFlexGrow(1);
    grid.addColumn(r -> r.decidedBy() == null ? "" : r.decidedBy())
        .setHeader("Decided by")
        .setAutoWidth(true);
    grid.addColumn(r -> r.decidedAt() == null ? "" : TIME.format(r.decidedAt()))
        .setHeader("Decided at")
        .setAutoWidth(true);
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

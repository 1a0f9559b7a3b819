package com.relabel.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well a run found the known label errors (a dataset with true labels kept aside, such as the
 * demo's), as a short sentence and a table of one row per method: AUROC, average precision and
 * precision at k. It reads the run's stored evaluation, the lines that {@code
 * NoiseReport.Quality#summary} writes; a text in another form is shown as it is.
 */
final class DetectionResults {
  private DetectionResults() {}

  private static final String NUMBER = "(NaN|-?[\\d.]+)";
  private static final Pattern ERRORS =
      Pattern.compile("(\\d+) true errors; suggestion accuracy on them " + NUMBER);
  private static final Pattern TOP =
      Pattern.compile("top ([\\d,]+) of the queue: ([\\d,]+) known errors \\(([\\d.]+)%\\)");
  private static final Pattern METHOD =
      Pattern.compile(
          "(\\S+): AUROC "
              + NUMBER
              + "\\s+AP "
              + NUMBER
              + "\\s+P@(\\d+) "
              + NUMBER
              + "\\s+R@(\\d+) "
              + NUMBER);

  record MethodRow(String method, String auroc, String ap, int k, String precision) {}

  static Component of(String evaluation) {
    List<String> facts = new ArrayList<>();
    List<MethodRow> rows = new ArrayList<>();
    for (String line : evaluation.strip().split("\n")) {
      Matcher m;
      if ((m = ERRORS.matcher(line.strip())).matches()) {
        facts.add(
            String.format(
                Locale.ROOT,
                "%s known errors; the suggested label is right for %s of them",
                m.group(1),
                percent(m.group(2))));
      } else if ((m = TOP.matcher(line.strip())).matches()) {
        facts.add("top " + m.group(1) + " of the queue: " + m.group(2) + " (" + m.group(3) + "%)");
      } else if ((m = METHOD.matcher(line.strip())).matches()) {
        rows.add(
            new MethodRow(
                m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)), m.group(5)));
      } else {
        return asText(evaluation);
      }
    }
    var box = new Div();
    box.setId("run-evaluation");
    var caption =
        new Paragraph("Detection of the known label errors: " + String.join(" · ", facts));
    caption.addClassName("detection-facts");
    box.add(caption);
    if (!rows.isEmpty()) {
      box.add(table(rows));
    }
    return box;
  }

  private static NativeTable table(List<MethodRow> rows) {
    var table = new NativeTable();
    table.setId("detection-table");
    table.addClassName("detection-table");
    var head = table.getHead().addRow();
    head.addHeaderCell().setText("Method");
    number(head, "AUROC", true);
    number(head, "Average precision", true);
    number(head, "Precision at " + rows.getFirst().k(), true)
        .setTitle(
            "Of the "
                + rows.getFirst().k()
                + " samples the method ranks most suspicious, the share that are known errors");
    for (MethodRow r : rows) {
      var row = table.getBody().addRow();
      row.setId("detection-" + r.method());
      if (r.method().equals("ensemble")) {
        row.addClassName("ensemble");
      }
      row.addDataCell()
          .setText(r.method().equals("ensemble") ? "ensemble (the queue)" : r.method());
      number(row, r.auroc(), false);
      number(row, r.ap(), false);
      number(row, r.precision(), false);
    }
    return table;
  }

  private static HtmlContainer number(NativeTableRow row, String text, boolean header) {
    HtmlContainer cell = header ? row.addHeaderCell() : row.addDataCell();
    cell.setText(text);
    cell.addClassName("number");
    return cell;
  }

  private static String percent(String fraction) {
    return fraction.equals("NaN")
        ? "–"
        : String.format(Locale.ROOT, "%.1f%%", 100 * Double.parseDouble(fraction));
  }

  /** An evaluation this class does not know the form of: its lines as they are. */
  private static Component asText(String evaluation) {
    var text = new Paragraph("Detection of the known label errors: " + evaluation);
    text.setId("run-evaluation");
    text.getStyle().set("white-space", "pre-line");
    return text;
  }
}

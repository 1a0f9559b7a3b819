package com.relabel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The shortcut sheet of the review queue, opened with "?": a plain table whose lines wrap, so every
 * line is read in full on any screen (a grid cut them off with an ellipsis). Public so that the
 * browser test counts the sheet's rows against this list rather than a number of its own.
 */
public final class KeyboardHelp {
  private KeyboardHelp() {}

  public record Shortcut(String key, String action) {}

  public static final List<Shortcut> SHORTCUTS =
      List.of(
          new Shortcut("Enter", "Confirm the given label"),
          new Shortcut("0 – 9", "Correct the label to that class"),
          new Shortcut("L or /", "Pick the class by name: type to filter, Enter takes it"),
          new Shortcut("X", "Exclude: the sample fits no class"),
          new Shortcut("S", "Skip for now (it comes back after a reload)"),
          new Shortcut("U", "Undo your last decision"),
          new Shortcut("F", "Unsure: the sample goes to the admins' disputes"),
          new Shortcut("C", "Comment: kept in the sample's history and the audit trail"),
          new Shortcut("G", "Show or hide the dataset's guidelines (decides nothing)"),
          new Shortcut("Z", "Zoom the image: 2×, 4×, back to 1× (decides nothing)"),
          new Shortcut(
              "Wheel",
              "Over the image: zoom in or out around the pointer; the sliders below it"
                  + " set contrast and brightness, kept for the next samples"),
          new Shortcut("?", "Show this sheet"),
          new Shortcut("Click a neighbour", "Open that sample (read-only once decided)"));

  static void open() {
    var table = new NativeTable();
    table.setId("shortcut-table");
    table.addClassName("shortcut-table");
    var head = table.getHead().addRow();
    head.addHeaderCell().setText("Key");
    head.addHeaderCell().setText("What it does");
    var body = table.getBody();
    for (Shortcut s : SHORTCUTS) {
      var row = body.addRow();
      var key = new Span(s.key());
      key.addClassName("kbd");
      row.addDataCell().add(key);
      row.addDataCell().setText(s.action());
    }
    var dialog = new Dialog(table);
    dialog.setId("shortcut-sheet");
    dialog.setHeaderTitle("Keyboard shortcuts");
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    dialog.setWidth("min(44rem, 92vw)");
    dialog.open();
  }
}

package com.relabel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;

/** The shortcut sheet of the review queue, opened with "?". */
final class KeyboardHelp {
  private KeyboardHelp() {}

  record Shortcut(String key, String action) {}

  static final List<Shortcut> SHORTCUTS =
      List.of(
          new Shortcut("Enter", "Confirm the given label"),
          new Shortcut("0 – 9", "Correct the label to that class"),
          new Shortcut("L or /", "Pick the class by name: type to filter, Enter takes it"),
          new Shortcut("X", "Exclude: the sample fits no class"),
          new Shortcut("S", "Skip for now (it comes back after a reload)"),
          new Shortcut("U", "Undo your last decision"),
          new Shortcut("?", "Show this sheet"),
          new Shortcut("Click a neighbour", "Open that sample (read-only once decided)"));

  static void open() {
    var grid = new Grid<Shortcut>();
    grid.addColumn(Shortcut::key).setHeader("Key").setAutoWidth(true);
    grid.addColumn(Shortcut::action).setHeader("What it does").setAutoWidth(true);
    grid.setItems(SHORTCUTS);
    grid.setAllRowsVisible(true);
    var dialog = new Dialog(grid);
    dialog.setId("shortcut-sheet");
    dialog.setHeaderTitle("Keyboard shortcuts");
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    dialog.setWidth("32rem");
    dialog.open();
  }
}

package com.relabel.review.ui;

import com.relabel.dataset.TableSamples;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;

/**
 * A table sample on screen (decision 0045): each feature column's value in this row beside what is
 * typical of the class it is labelled and of the class suggested (the mean of a numeric column, the
 * most frequent value of a categorical one). A value that fits the suggested class better than its
 * own is marked, so a reviewer sees at a glance why the row looks mislabelled. Many columns scroll
 * inside the box.
 */
final class SampleTableBox extends Div {

  private final NativeTable table = new NativeTable();

  SampleTableBox() {
    addClassName("sample-table");
    table.addClassName("detection-table");
    add(table);
  }

  void show(List<TableSamples.Line> lines, String given, String suggested) {
    table.removeAll();
    NativeTableRow head = table.getHead().addRow();
    head.addHeaderCell().setText("Column");
    head.addHeaderCell().setText("This row");
    head.addHeaderCell().setText(given + " (given)");
    head.addHeaderCell().setText(suggested + " (suggested)");
    for (TableSamples.Line line : lines) {
      NativeTableRow row = table.getBody().addRow();
      row.addHeaderCell().setText(line.column());
      var value = row.addDataCell();
      value.setText(line.value());
      if (fitsSuggested(line)) {
        value.addClassName("fits-suggested");
        value.setTitle("closer to " + suggested + " than to " + given);
      }
      row.addDataCell().setText(line.givenClass());
      row.addDataCell().setText(line.suggestedClass());
    }
  }

  /**
   * Whether the row's value is nearer the suggested class's typical value than its own class's: a
   * number nearer its mean, a category that is the suggested class's most frequent and not its own.
   */
  static boolean fitsSuggested(TableSamples.Line line) {
    String v = line.value().trim();
    if (line.givenClass().equals(line.suggestedClass())) {
      return false;
    }
    try {
      double x = Double.parseDouble(v);
      return Math.abs(x - Double.parseDouble(line.suggestedClass()))
          < Math.abs(x - Double.parseDouble(line.givenClass()));
    } catch (NumberFormatException e) {
      return v.equals(line.suggestedClass());
    }
  }
}

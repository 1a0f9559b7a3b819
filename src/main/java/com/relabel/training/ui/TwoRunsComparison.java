package com.relabel.training.ui;

import com.relabel.training.RunComparison;
import com.relabel.training.RunComparisons;
import com.relabel.training.TrainingRun;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Runs page's comparison of two runs an admin selected in the table: how many samples moved
 * into and out of the top of the queue, the errors each estimated, and how many earlier corrections
 * the newer run agrees with ({@link RunComparisons}). The button is enabled while exactly two runs
 * are selected.
 */
final class TwoRunsComparison extends VerticalLayout {

  private final RunComparisons comparisons;
  private final Grid<TrainingRun> grid;
  private final Button compare = new Button("Compare the two selected runs");
  private final Paragraph result = new Paragraph();

  TwoRunsComparison(RunComparisons comparisons, Grid<TrainingRun> grid) {
    this.comparisons = comparisons;
    this.grid = grid;
    setPadding(false);
    compare.setId("compare-runs");
    compare.setEnabled(false);
    compare.addClickListener(e -> compareSelected());
    result.setId("comparison-result");
    grid.addSelectionListener(e -> compare.setEnabled(e.getAllSelectedItems().size() == 2));
    add(new HorizontalLayout(compare), result);
  }

  private void compareSelected() {
    List<TrainingRun> two = new ArrayList<>(grid.getSelectedItems());
    two.sort(Comparator.comparing(TrainingRun::getId));
    TrainingRun older = two.get(0);
    TrainingRun newer = two.get(1);
    try {
      RunComparison c = comparisons.compare(newer.getId(), older.getId());
      result.setText(
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
              RunTexts.agreed(c)));
    } catch (RuntimeException e) {
      result.setText("Cannot compare: " + e.getMessage());
    }
  }
}

package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What is typical of a class, decoded from the sums of its rows' stored features. */
class TableSamplesTest {

  private static final TableColumn AGE = new TableColumn("age", 0, true, 30, 10, true, List.of());

  @Test
  void aNumericMeanLeavesOutTheEmptyCellsStoredAsTheColumnMean() {
    // 4 rows: ages 40, 50 (z = 1, 2) and two empty cells (z = 0, flag 1)
    double[] sums = {3, 2};

    assertThat(TableSamples.typical(AGE, sums, 0, 4)).isEqualTo("45");
  }

  @Test
  void aClassWithOnlyEmptyCellsOrNoRowsSaysSo() {
    assertThat(TableSamples.typical(AGE, new double[] {0, 3}, 0, 3)).isEqualTo("(missing)");
    assertThat(TableSamples.typical(AGE, new double[] {0, 0}, 0, 0)).isEmpty();
  }

  @Test
  void aCategoryIsTheMostFrequentLevel() {
    var colour =
        new TableColumn("colour", 1, false, 0, 0, true, List.of("blue", "red", "(missing)"));
    // features 0-1 belong to another column; colour starts at 2
    double[] sums = {9, 9, 1, 4, 2};

    assertThat(TableSamples.typical(colour, sums, 2, 7)).isEqualTo("red");
  }
}

package com.relabel.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.scoring.EvaluationReport;
import com.relabel.scoring.NoiseReport;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start page's table of a run's detection results, read from the summary a run stores. */
class DetectionResultsTest {

  @Test
  void readsTheStoredSummaryIntoOneRowPerMethod() {
    Map<String, EvaluationReport> byMethod = new LinkedHashMap<>();
    byMethod.put("ensemble", new EvaluationReport(0.8612, 0.3725, 0.3833, 0.3833, 30));
    byMethod.put("knn", new EvaluationReport(0.9692, 0.6751, 0.7143, 0.7143, 30));
    String summary =
        new NoiseReport.Quality(30, byMethod, 0.4, new int[][] {{30, 11}, {100, 26}}).summary();

    Component results = DetectionResults.of(summary);

    var table = (NativeTable) results.getChildren().skip(1).findFirst().orElseThrow();
    assertThat(texts(table.getHead().getRows().getFirst()))
        .containsExactly("Method", "AUROC", "Average precision", "Precision at 30");
    List<NativeTableRow> rows = table.getBody().getRows();
    assertThat(rows).hasSize(2);
    assertThat(texts(rows.get(0)))
        .containsExactly("ensemble (the queue)", "0.8612", "0.3725", "0.3833");
    assertThat(texts(rows.get(1))).containsExactly("knn", "0.9692", "0.6751", "0.7143");
    var facts = (Paragraph) results.getChildren().findFirst().orElseThrow();
    assertThat(facts.getText())
        .contains("30 known errors")
        .contains("right for 40.0% of them")
        .contains("top 30 of the queue: 11 (36.7%)")
        .contains("top 100 of the queue: 26 (26.0%)");
  }

  @Test
  void showsATextOfAnotherFormAsItIs() {
    Component results = DetectionResults.of("an older line\nand another");
    assertThat(results).isInstanceOf(Paragraph.class);
    assertThat(((Paragraph) results).getText()).endsWith("an older line\nand another");
  }

  private static List<String> texts(NativeTableRow row) {
    return row.getAllCells().stream().map(c -> ((HasText) c).getText()).toList();
  }
}

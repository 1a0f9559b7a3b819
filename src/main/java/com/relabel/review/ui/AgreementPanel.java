package com.relabel.review.ui;

import com.relabel.base.EChart;
import com.relabel.base.JsonText;
import com.relabel.review.DatasetAgreement;
import com.relabel.review.ReviewerQuality;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The Progress page's part on consensus review: the kappa and Krippendorff's alpha over the samples
 * reviewed at least twice, and per reviewer the votes, the share the final label overturned and the
 * agreement with the others, as a table and a bar chart.
 */
final class AgreementPanel extends VerticalLayout {

  private final Paragraph summary = new Paragraph();
  private final EChart chart = new EChart();
  private final Grid<ReviewerQuality> grid = new Grid<>();

  AgreementPanel() {
    setPadding(false);
    setId("agreement");
    summary.setId("agreement-summary");
    chart.setId("agreement-chart");
    chart.setHeight("260px");
    grid.setId("agreement-grid");
    grid.addColumn(ReviewerQuality::reviewer).setHeader("Reviewer").setAutoWidth(true);
    grid.addColumn(ReviewerQuality::decisions).setHeader("Votes").setAutoWidth(true);
    grid.addColumn(q -> percent(q.overturnedShare())).setHeader("Overturned").setAutoWidth(true);
    grid.addColumn(q -> percent(q.agreement())).setHeader("Agrees with others").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    add(new H3("Agreement between reviewers"), summary, chart, grid);
  }

  void show(DatasetAgreement agreement) {
    summary.setText(describe(agreement));
    boolean any = !agreement.reviewers().isEmpty();
    chart.setVisible(any);
    grid.setVisible(any);
    grid.setItems(agreement.reviewers());
    chart.setOption(option(agreement));
  }

  private static String describe(DatasetAgreement a) {
    if (a.samples() == 0) {
      return "No sample has two votes yet: agreement needs 'reviews per sample' of 2 or more.";
    }
    String on = String.format("on %,d sample%s reviewed at least twice", a.samples(), plural(a));
    return a.hasKappa()
        ? String.format(
            "%s %.2f, Krippendorff's alpha %.2f, %s (1 = full agreement, 0 = chance).",
            a.measure(), a.kappa(), a.alpha(), on)
        : a.measure()
            + " and Krippendorff's alpha are not defined "
            + on
            + ": every vote was the same.";
  }

  private static String plural(DatasetAgreement a) {
    return a.samples() == 1 ? "" : "s";
  }

  /** Two bars per reviewer, in percent: agreement with the others, and votes overturned. */
  static String option(DatasetAgreement a) {
    String names =
        a.reviewers().stream()
            .map(q -> JsonText.quote(q.reviewer()))
            .collect(Collectors.joining(","));
    return """
        {"animation":false,"tooltip":{"trigger":"axis"},"legend":{"top":0},
         "grid":{"left":50,"right":20,"top":40,"bottom":30},
         "xAxis":{"type":"category","data":[%s]},
         "yAxis":{"type":"value","name":"%%","max":100},
         "series":[{"name":"Agrees with others","type":"bar","data":[%s]},
                   {"name":"Overturned","type":"bar","data":[%s]}]}
        """
        .formatted(
            names,
            series(a, ReviewerQuality::agreement),
            series(a, ReviewerQuality::overturnedShare));
  }

  private static String series(DatasetAgreement a, ToDoubleFunction<ReviewerQuality> share) {
    return a.reviewers().stream()
        .mapToDouble(share)
        .mapToObj(v -> Double.isNaN(v) ? "null" : JsonText.number(Math.round(1000 * v) / 10.0))
        .collect(Collectors.joining(","));
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "–" : String.format("%.0f %%", 100 * share);
  }
}

package com.relabel.review.ui;

import com.relabel.base.EChart;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.review.AnnotatorDay;
import com.relabel.review.ErrorEstimate;
import com.relabel.review.QueueProgress;
import com.relabel.review.ReviewAgreement;
import com.relabel.review.ReviewProgress;
import com.relabel.review.ReviewService;
import com.relabel.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a dataset's review is going: open and decided samples, the errors probably left, and the
 * decisions per annotator per day over the last {@value #DAYS} days (a table and a bar chart), and
 * how far the reviewers agree in consensus review ({@link AgreementPanel}).
 */
@Route("progress/:datasetId")
@PageTitle("Progress · Relabel")
@RolesAllowed({Roles.ADMIN, Roles.ANNOTATOR})
class ProgressView extends VerticalLayout implements BeforeEnterObserver {

  static final int DAYS = 30;

  private final DatasetService datasets;
  private final ReviewService review;
  private final ReviewProgress progress;
  private final H2 title = new H2();
  private final Paragraph counts = new Paragraph();
  private final Paragraph errorsLeft = new Paragraph();
  private final RouterLink back = new RouterLink();
  private final EChart chart = new EChart();
  private final Paragraph noDecisions = new Paragraph();
  private final Grid<AnnotatorDay> grid = new Grid<>();
  private final ReviewAgreement agreement;
  private final AgreementPanel agreementPanel = new AgreementPanel();

  ProgressView(
      DatasetService datasets,
      ReviewService review,
      ReviewProgress progress,
      ReviewAgreement agreement) {
    this.datasets = datasets;
    this.review = review;
    this.progress = progress;
    this.agreement = agreement;
    counts.setId("progress-counts");
    errorsLeft.setId("errors-left");
    back.setText("Back to the review");
    back.setId("back-to-review");
    chart.setId("progress-chart");
    chart.setHeight("320px");
    grid.setId("progress-grid");
    grid.addColumn(d -> d.day().toString()).setHeader("Day").setAutoWidth(true);
    grid.addColumn(AnnotatorDay::annotator).setHeader("Annotator").setAutoWidth(true);
    grid.addColumn(AnnotatorDay::decisions).setHeader("Decisions").setAutoWidth(true);
    grid.addColumn(AnnotatorDay::corrections).setHeader("Corrections").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    noDecisions.setId("progress-empty");
    noDecisions.addClassName("empty-note");
    add(title, back, counts, errorsLeft, noDecisions, chart, grid, agreementPanel);
  }

  static RouteParameters parameters(long datasetId) {
    return new RouteParameters("datasetId", Long.toString(datasetId));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    Dataset dataset = datasets.get(id);
    title.setText("Progress · " + dataset.getName());
    back.setRoute(ReviewView.class, parameters(id));
    QueueProgress queue = review.progress(id);
    counts.setText(
        String.format(
            "%,d OPEN · %,d decided (%,d CORRECTED) of %,d samples",
            queue.open(), queue.decided(), queue.corrected(), queue.total()));
    errorsLeft.setText(
        progress
            .errorsLeft(id)
            .map(ProgressView::describe)
            .orElse("No estimate of the errors left yet: the dataset has no finished run."));
    List<AnnotatorDay> days =
        progress.perAnnotatorPerDay(id, Instant.now().minus(Duration.ofDays(DAYS)));
    // no empty axes: say why there is nothing to draw
    noDecisions.setText(
        queue.decided() == 0
            ? "No decisions yet: the chart of decisions per annotator and day starts with the"
                + " first one."
            : "No decisions in the last " + DAYS + " days.");
    noDecisions.setVisible(days.isEmpty());
    chart.setVisible(!days.isEmpty());
    grid.setVisible(!days.isEmpty());
    grid.setItems(days);
    chart.setOption(ProgressChart.option(days));
    agreementPanel.show(agreement.of(id));
  }

  private static String describe(ErrorEstimate e) {
    return String.format(
        "About %,d wrong labels left: run #%d estimated %,d, and %,d samples were corrected or"
            + " excluded since it started.",
        e.estimatedLeft(), e.runId(), e.estimatedAtRun(), e.fixedSince());
  }
}

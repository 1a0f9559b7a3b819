package com.relabel.training.ui;

import com.relabel.base.EChart;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.training.RunCharts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Runs page's pictures of the active run: the score histogram (the ensemble or one method) and
 * the confusion matrix of given against suggested labels, whose cells open the queue grid filtered
 * to those samples. Its parts go straight into the page's layout.
 */
final class ActiveRunPictures {

  private static final int HISTOGRAM_BINS = 40;

  private final DatasetService datasets;
  private final RunCharts charts;
  private final Paragraph caption = new Paragraph();
  private final Select<String> method = new Select<>();
  private final EChart histogram = new EChart();
  private final EChart confusion = new EChart();
  private Dataset dataset;

  ActiveRunPictures(DatasetService datasets, RunCharts charts) {
    this.datasets = datasets;
    this.charts = charts;
    method.setId("histogram-method");
    method.setLabel("Score");
    method.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            drawHistogram(e.getValue());
          }
        });
    histogram.setId("score-histogram");
    histogram.setHeight("320px");
    confusion.setId("confusion-matrix");
    confusion.setHeight("520px");
    confusion.addItemClickListener(this::openCell);
  }

  /** The caption, the method choice, the histogram and the confusion matrix, in that order. */
  Component[] parts() {
    return new Component[] {caption, method, histogram, confusion};
  }

  /** Draws the pictures of {@code shown}'s active run, or says it has none. */
  void draw(Dataset shown) {
    this.dataset = shown;
    Long active = dataset.getActiveRunId();
    histogram.setVisible(active != null);
    confusion.setVisible(active != null);
    method.setVisible(active != null);
    if (active == null) {
      caption.setText("No run has scored this dataset yet.");
      return;
    }
    caption.setText("Run #" + active + ".");
    List<String> items = new ArrayList<>();
    items.add(RunCharts.ENSEMBLE);
    items.addAll(charts.methods(active));
    method.setItems(items);
    method.setValue(RunCharts.ENSEMBLE);
    drawHistogram(RunCharts.ENSEMBLE);
    confusion.setOption(
        RunChartOptions.confusion(
            charts.confusion(active, dataset.getNumClasses()),
            datasets.classNames(dataset.getId())));
  }

  private void drawHistogram(String scoreName) {
    Long active = dataset == null ? null : dataset.getActiveRunId();
    if (active != null) {
      histogram.setOption(
          RunChartOptions.histogram(charts.histogram(active, scoreName, HISTOGRAM_BINS)));
    }
  }

  /** A cell {@code [suggested, given, count]} opens the queue grid filtered to those samples. */
  private void openCell(EChart.Click click) {
    double[] v = click.value();
    if (v.length < 2 || Double.isNaN(v[0]) || Double.isNaN(v[1])) {
      return;
    }
    UI.getCurrent()
        .navigate(
            "queue/" + dataset.getId(),
            QueryParameters.simple(Map.of("given", "" + (int) v[1], "suggested", "" + (int) v[0])));
  }
}

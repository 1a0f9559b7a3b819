package com.relabel.training.ui;

import com.relabel.base.EChart;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import com.relabel.training.DataMap;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The data map of Dataset Cartography: variability (x) against confidence (y) of every sample,
 * coloured by correctness. Mislabeled samples gather at the bottom left (hard to learn).
 */
@Route("map/:datasetId")
@PageTitle("Data map · Relabel")
@RolesAllowed({Roles.ADMIN, Roles.ANNOTATOR})
class DataMapView extends VerticalLayout implements BeforeEnterObserver {

  private final DatasetService datasets;
  private final DataMap dataMap;
  private final H2 title = new H2();
  private final Paragraph caption = new Paragraph();
  private final EChart chart = new EChart();
  private long datasetId;

  DataMapView(DatasetService datasets, DataMap dataMap) {
    this.datasets = datasets;
    this.dataMap = dataMap;
    chart.setId("data-map");
    chart.addItemClickListener(this::openSample);
    caption.setText(
        "Each point is a sample of the active run: x = variability of the probability of its"
            + " label over epochs, y = mean confidence, colour = share of epochs in which the"
            + " prediction matched the label. Mislabeled samples gather at the bottom left (hard to"
            + " learn). Click a point to open the sample.");
    add(title, caption, chart);
  }

  /** Opens the clicked point's sample in the review view. */
  private void openSample(EChart.Click click) {
    if (click.value().length > DataMap.SAMPLE_INDEX_DIMENSION) {
      long sampleIndex = (long) click.value()[DataMap.SAMPLE_INDEX_DIMENSION];
      UI.getCurrent()
          .navigate(
              "review/" + datasetId, QueryParameters.of("sample", Long.toString(sampleIndex)));
    }
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    datasetId = id;
    Dataset dataset = datasets.get(id);
    title.setText("Data map · " + dataset.getName());
    chart.setOption(dataMap.echartsOption(id));
  }
}

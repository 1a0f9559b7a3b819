package com.relabel.review.ui;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.Neighbour;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The sample's nearest neighbours in the model's embedding space, as thumbnails with their current
 * labels: a mislabeled sample usually sits among samples of its true class. Clicking one opens it.
 */
final class NeighboursStrip extends Div {

  private final LongConsumer open;

  NeighboursStrip(LongConsumer open) {
    this.open = open;
    setId("neighbours");
    addClassName("neighbours");
  }

  void show(List<Neighbour> neighbours, List<String> classNames) {
    removeAll();
    if (neighbours.isEmpty()) {
      add(new Span("The run kept no neighbours (no embeddings)."));
      return;
    }
    for (Neighbour n : neighbours) {
      var thumb = new Image("images/samples/" + n.sampleId() + ".png", "Sample " + n.sampleIndex());
      thumb.addClassName("neighbour-image");
      var label = new Span(ClassNames.of(classNames, n.label()));
      label.addClassName("neighbour-label");
      var tile = new Div(thumb, label);
      tile.setId("neighbour-" + n.sampleId());
      tile.addClassName("neighbour");
      if (n.status() != SampleStatus.OPEN) {
        tile.addClassName("decided");
      }
      tile.setTitle(
          "Sample #" + n.sampleIndex() + ", " + n.status().name().toLowerCase() + ": open it");
      tile.addClickListener(e -> open.accept(n.sampleId()));
      add(tile);
    }
  }
}

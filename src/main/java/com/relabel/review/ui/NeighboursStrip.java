package com.relabel.review.ui;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.Neighbour;
import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The sample's nearest neighbours in the model's embedding space, as thumbnails with their current
 * labels: a mislabeled sample usually sits among samples of its true class. Clicking one opens it
 * (by its sample index, the number shown).
 */
final class NeighboursStrip extends Div {

  private final IntConsumer open;
  private Function<Collection<Long>, Map<Long, String>> snippets;

  NeighboursStrip(IntConsumer open) {
    this.open = open;
    setId("neighbours");
    addClassName("neighbours");
  }

  /** Shows text snippets read by {@code snippets} instead of thumbnails; null: thumbnails. */
  void showTextsWith(Function<Collection<Long>, Map<Long, String>> snippets) {
    this.snippets = snippets;
  }

  void show(List<Neighbour> neighbours, List<String> classNames) {
    removeAll();
    if (neighbours.isEmpty()) {
      add(new Span("The run kept no neighbours (no embeddings)."));
      return;
    }
    Map<Long, String> texts =
        snippets == null
            ? null
            : snippets.apply(neighbours.stream().map(Neighbour::sampleId).toList());
    for (Neighbour n : neighbours) {
      HtmlComponent thumb =
          texts == null
              ? new Image("images/samples/" + n.sampleId() + ".png", "Sample " + n.sampleIndex())
              : SampleTextBox.snippet(texts.get(n.sampleId()));
      thumb.addClassName(texts == null ? "neighbour-image" : "neighbour-text");
      var label = new Span(ClassNames.of(classNames, n.label()));
      label.addClassName("neighbour-label");
      var tile = new Div(thumb, label);
      tile.setId("neighbour-" + n.sampleIndex());
      tile.addClassName("neighbour");
      if (n.status() != SampleStatus.OPEN) {
        tile.addClassName("decided");
      }
      tile.setTitle("Sample #" + n.sampleIndex() + ", " + n.status().name() + ": open it");
      tile.addClickListener(e -> open.accept(n.sampleIndex()));
      add(tile);
    }
  }
}

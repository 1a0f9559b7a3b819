package com.relabel.review.ui;

import com.relabel.review.ClassProbability;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/** The model's most likely classes for the sample, each with its probability as a bar. */
final class ProbabilitiesPanel extends Div {

  ProbabilitiesPanel() {
    setId("top-probabilities");
    addClassName("top-probabilities");
  }

  void show(List<ClassProbability> top, List<String> classNames) {
    removeAll();
    if (top.isEmpty()) {
      add(new Span("The run kept no probabilities for this sample."));
      return;
    }
    for (int rank = 0; rank < top.size(); rank++) {
      ClassProbability p = top.get(rank);
      var name = new Span(ClassNames.of(classNames, p.label()));
      name.addClassName("probability-label");
      var bar = new Div();
      bar.addClassName("probability-bar");
      bar.setWidth(String.format(Locale.ROOT, "%.1f%%", 100 * p.probability()));
      var track = new Div(bar);
      track.addClassName("probability-track");
      var value = new Span(String.format(Locale.ROOT, "%.2f", p.probability()));
      value.addClassName("probability-value");
      var row = new Div(name, track, value);
      row.setId("probability-" + rank);
      row.addClassName("probability-row");
      add(row);
    }
  }
}

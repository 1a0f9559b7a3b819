package com.relabel.review.ui;

import com.relabel.review.MethodVerdict;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/** Each method's rank and score for the sample; the methods that flag it stand out. */
final class MethodVerdictsPanel extends Div {

  MethodVerdictsPanel() {
    setId("method-verdicts");
    addClassName("method-verdicts");
  }

  void show(List<MethodVerdict> verdicts) {
    removeAll();
    for (MethodVerdict v : verdicts) {
      var row =
          new Span(String.format(Locale.ROOT, "%s #%,d (%.3f)", v.method(), v.rank(), v.score()));
      row.setId("verdict-" + v.method());
      row.addClassName("method-verdict");
      if (v.flagged()) {
        row.addClassName("flagged");
      }
      row.setTitle(
          v.method()
              + " ranks this sample #"
              + v.rank()
              + (v.flagged() ? "; it flags it as a probable error" : ""));
      add(row);
    }
  }
}

package com.relabel.review.ui;

import com.relabel.review.AumCutoffVerdict;
import com.relabel.review.MethodVerdict;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Each method's rank and score for the sample; the methods that flag it stand out. */
final class MethodVerdictsPanel extends Div {

  MethodVerdictsPanel() {
    setId("method-verdicts");
    addClassName("method-verdicts");
  }

  void show(List<MethodVerdict> verdicts, Optional<AumCutoffVerdict> aumCutoff) {
    show(verdicts);
    aumCutoff.ifPresent(this::showAumCutoff);
  }

  private void showAumCutoff(AumCutoffVerdict aum) {
    var row =
        new Span(
            String.format(
                Locale.ROOT,
                "AUM %s cut-off (%.2f)",
                aum.below() ? "below" : "above",
                aum.cutoff()));
    row.setId("verdict-aum-cutoff");
    row.addClassName("method-verdict");
    if (aum.below()) {
      row.addClassName("flagged");
    }
    row.setTitle(
        aum.below()
            ? "This sample's AUM is below the run's data-driven cut-off (the 99th percentile of"
                + " the threshold samples, which are mislabeled on purpose): probably mislabeled"
            : "This sample's AUM is not below the run's data-driven cut-off");
    add(row);
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

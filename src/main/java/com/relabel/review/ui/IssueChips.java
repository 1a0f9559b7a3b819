package com.relabel.review.ui;

import com.relabel.review.SampleIssue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The issues other than a wrong label that the run found for the sample (decision 0043), as chips:
 * "outlier", and "near-duplicate of #N" (click to open it), marked when the two labels differ.
 * Hidden when there is none.
 */
final class IssueChips extends Div {

  private final IntConsumer openSample;

  IssueChips(IntConsumer openSample) {
    this.openSample = openSample;
    setId("sample-issues");
    setVisible(false);
  }

  void show(List<SampleIssue> issues, int currentLabel, List<String> classNames) {
    removeAll();
    setVisible(!issues.isEmpty());
    for (SampleIssue issue : issues) {
      if (issue.kind() == SampleIssue.Kind.OUTLIER) {
        var chip = chip("outlier: far from every class");
        chip.setId("issue-outlier");
        chip.setTitle(String.format("cosine distance %.3f to the nearest class", issue.distance()));
      } else {
        boolean otherLabel = issue.otherLabel() != currentLabel;
        var chip =
            chip(
                "near-duplicate of #"
                    + issue.otherSampleIndex()
                    + (otherLabel
                        ? ", labelled " + ClassNames.of(classNames, issue.otherLabel())
                        : ""));
        chip.setId("issue-duplicate-" + issue.otherSampleIndex());
        chip.addClassName(otherLabel ? "issue-conflict" : "issue-same");
        chip.getStyle().set("cursor", "pointer");
        chip.addClickListener(e -> openSample.accept(issue.otherSampleIndex()));
      }
    }
  }

  private Span chip(String text) {
    var chip = new Span(text);
    chip.addClassName("issue-chip");
    add(chip);
    return chip;
  }
}

package com.relabel.review.ui;

import com.relabel.review.QueueItem;
import com.relabel.review.SampleInsights;
import com.relabel.review.SampleIssues;
import com.relabel.review.SampleState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Everything beside the sample that helps decide it: the model's top three classes (placed with the
 * suggestion, {@link #topClasses}), each method's verdict, the nearest neighbours, and the sample's
 * history.
 */
final class SampleContext extends VerticalLayout {

  static final int TOP = 3;
  static final int NEIGHBOURS = 8;

  private final SampleInsights insights;
  private final SampleIssues issues;
  private final IssueChips issueChips;
  private final ProbabilitiesPanel probabilities = new ProbabilitiesPanel();
  private final MethodVerdictsPanel verdicts = new MethodVerdictsPanel();
  private final SampleHistoryPanel history = new SampleHistoryPanel();
  private final NeighboursStrip neighbours;
  private final Div topClasses;

  SampleContext(SampleInsights insights, SampleIssues issues, IntConsumer openSample) {
    this.insights = insights;
    this.issues = issues;
    this.issueChips = new IssueChips(openSample);
    this.neighbours = new NeighboursStrip(openSample);
    setPadding(false);
    setSpacing(false);
    addClassName("sample-context");
    topClasses = new Div(caption("Model's top " + TOP + " classes"), probabilities);
    topClasses.addClassName("top-classes");
    add(
        caption("Every method: rank (score); highlighted = flags it"),
        verdicts,
        caption("Nearest neighbours (click to open)"),
        neighbours,
        caption("History"),
        history);
  }

  /**
   * The model's top classes with their probabilities: shown with the suggested label, where the
   * screen has room for them at any width (the rest of the context moves below when narrow).
   */
  Component topClasses() {
    return topClasses;
  }

  /** Near-duplicates and the outlier flag (decision 0043): shown with the sample's facts. */
  Component issueChips() {
    return issueChips;
  }

  void show(QueueItem item, List<String> classNames) {
    issueChips.show(issues.of(item.runId(), item.sampleId()), item.currentLabel(), classNames);
    probabilities.show(insights.topProbabilities(item.runId(), item.sampleId(), TOP), classNames);
    verdicts.show(
        insights.verdicts(item.runId(), item.sampleId(), item.flaggedBy()),
        insights.aumCutoff(item.runId(), item.sampleId()));
    neighbours.show(insights.neighbours(item.runId(), item.sampleId(), NEIGHBOURS), classNames);
    refreshHistory(item, classNames);
  }

  /** Neighbours as text snippets read by {@code snippets} (text datasets); null: thumbnails. */
  void showTextsWith(Function<Collection<Long>, Map<Long, String>> snippets) {
    neighbours.showTextsWith(snippets);
  }

  SampleState state(long sampleId) {
    return insights.state(sampleId);
  }

  void refreshHistory(QueueItem item, List<String> classNames) {
    history.show(insights.history(item.sampleId()), classNames);
  }

  private static Span caption(String text) {
    var s = new Span(text);
    s.addClassName("label-caption");
    return s;
  }
}

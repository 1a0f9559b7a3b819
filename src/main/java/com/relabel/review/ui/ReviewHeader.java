package com.relabel.review.ui;

import com.relabel.review.QueueProgress;
import com.relabel.review.ReviewService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/**
 * The line above the sample: how many samples are open, decided and corrected, the method the queue
 * is ranked by, the way to the dataset's progress and the guidelines button.
 */
final class ReviewHeader extends HorizontalLayout {

  private final Span openCount = stat("open-count");
  private final Span decidedCount = stat("decided-count");
  private final Span correctedCount = stat("corrected-count");
  private final Select<String> ranking = new Select<>();
  private final RouterLink progressLink = new RouterLink();

  /** {@code reranked} runs when the reviewer picks another ranking method. */
  ReviewHeader(Runnable reranked, Button guidelines) {
    ranking.setLabel("Rank by");
    ranking.setId("ranking-method");
    ranking.setWidth("14rem");
    ranking.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            reranked.run();
          }
        });
    progressLink.setText("Progress");
    progressLink.setId("progress-link");
    var counters =
        new HorizontalLayout(
            labelled("Open", openCount),
            labelled("Decided", decidedCount),
            labelled("Corrected", correctedCount));
    add(counters, ranking, progressLink, guidelines);
    setAlignItems(Alignment.END);
    getStyle().set("flex-wrap", "wrap");
  }

  /** The dataset's methods to rank by, the ensemble chosen, and its progress page. */
  void forDataset(long datasetId, List<String> methods) {
    methods(methods);
    progressLink.setRoute(ProgressView.class, ProgressView.parameters(datasetId));
  }

  /** A new run brought its own methods: back to the ensemble. */
  void methods(List<String> methods) {
    ranking.setItems(methods);
    ranking.setValue(ReviewService.ENSEMBLE);
  }

  String rankingMethod() {
    return ranking.getValue();
  }

  void show(QueueProgress progress) {
    openCount.setText(String.format("%,d", progress.open()));
    decidedCount.setText(String.format("%,d", progress.decided()));
    correctedCount.setText(String.format("%,d", progress.corrected()));
  }

  private static Span stat(String id) {
    var s = new Span();
    s.setId(id);
    s.addClassName("stat");
    return s;
  }

  private static Div labelled(String caption, Span value) {
    var c = new Span(caption);
    c.addClassName("label-caption");
    var d = new Div(value, new Div(c));
    d.getStyle().set("margin-right", "2em");
    return d;
  }
}

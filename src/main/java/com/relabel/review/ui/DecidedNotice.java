package com.relabel.review.ui;

import com.relabel.review.SampleState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Says that the sample on screen is already decided, by whom, and that it is read-only here. */
final class DecidedNotice extends Div {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final Span text = new Span();

  DecidedNotice(Runnable backToQueue) {
    setId("decided-notice");
    addClassName("decided-notice");
    var back = new Button("Back to the queue", e -> backToQueue.run());
    back.setId("back-to-queue");
    add(text, back);
    setVisible(false);
  }

  void show(SampleState state, List<String> classNames) {
    // the status word as the grid, audit trail and exports write it
    text.setText(
        "Already "
            + state.status().name().toLowerCase()
            + (state.decidedBy() == null ? "" : " by " + state.decidedBy())
            + (state.decidedAt() == null ? "" : " on " + WHEN.format(state.decidedAt()))
            + ": status "
            + state.status().name()
            + ", label "
            + ClassNames.of(classNames, state.currentLabel())
            + ". Read-only here; undo or the audit trail change it. ");
    setVisible(true);
  }
}

package com.relabel.review.ui;

import com.relabel.review.PastDecision;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The sample's earlier decisions, label changes and comments, oldest first, from the audit trail.
 */
final class SampleHistoryPanel extends Div {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  SampleHistoryPanel() {
    setId("sample-history");
    addClassName("sample-history");
  }

  void show(List<PastDecision> history, List<String> classNames) {
    removeAll();
    if (history.isEmpty()) {
      add(new Span("No decisions yet."));
      return;
    }
    for (PastDecision d : history) {
      String change =
          d.oldLabel() == d.newLabel()
              ? ClassNames.of(classNames, d.newLabel())
              : ClassNames.of(classNames, d.oldLabel())
                  + " → "
                  + ClassNames.of(classNames, d.newLabel());
      var row =
          new Div(
              new Span(WHEN.format(d.occurredAt()) + " · " + d.actor() + " · "),
              action(d.action()),
              new Span(" " + change + " (" + d.newStatus() + ")"));
      if (d.note() != null) {
        // set as text, never as HTML: a comment is shown exactly as typed
        var note = new Span(" “" + d.note() + "”");
        note.addClassName("history-note");
        row.add(note);
      }
      row.addClassName("history-row");
      add(row);
    }
  }

  private static Span action(String action) {
    var s = new Span(action);
    s.addClassName("history-action");
    return s;
  }
}

package com.relabel.review.ui;

import com.relabel.review.Guidelines;
import com.relabel.review.ReviewGuidelines;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The dataset's review guidelines beside the sample, opened and closed with G or its button. Not a
 * dialog: the decision keys keep working while it is open, so a reviewer reads and decides at once.
 * The text is read again at every opening, so an admin's change shows at the next G. Markdown is
 * rendered by Vaadin's {@link Markdown}, which sanitises the HTML it makes: a script or an event
 * handler in the text never runs.
 */
final class GuidelinesSheet extends Aside {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final ReviewGuidelines guidelines;
  private final Markdown text = new Markdown();
  private final Paragraph none = new Paragraph("No guidelines yet.");
  private final Paragraph changed = new Paragraph();
  private long datasetId = -1;

  GuidelinesSheet(ReviewGuidelines guidelines) {
    this.guidelines = guidelines;
    setId("guidelines-sheet");
    addClassName("guidelines-sheet");
    getElement().setAttribute("aria-label", "Review guidelines");
    text.setId("guidelines-text");
    none.setId("guidelines-none");
    changed.setId("guidelines-changed");
    changed.addClassName("label-caption");
    var close = ReviewKeys.plainButton("Close (G)", this::close);
    close.setId("guidelines-close");
    var title = new H3("Guidelines");
    var head = new HorizontalLayout(title, close);
    head.setWidthFull();
    head.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
    head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    var body = new Div(none, text, changed);
    body.addClassName("guidelines-body");
    add(head, body);
    setVisible(false);
  }

  /** The dataset whose guidelines the sheet shows; a sheet left open reads them again. */
  void forDataset(long datasetId) {
    this.datasetId = datasetId;
    if (isVisible()) {
      load();
    }
  }

  /** G: opens the sheet with the guidelines as they are now, or closes it. */
  void toggle() {
    if (isVisible()) {
      close();
    } else {
      load();
      setVisible(true);
    }
  }

  private void close() {
    setVisible(false);
  }

  private void load() {
    Optional<Guidelines> current = guidelines.current(datasetId);
    none.setVisible(current.isEmpty());
    text.setVisible(current.isPresent());
    changed.setVisible(current.isPresent());
    text.setContent(current.map(Guidelines::text).orElse(""));
    current.ifPresent(
        g -> changed.setText("Changed by " + g.changedBy() + ", " + TIME.format(g.changedAt())));
  }
}

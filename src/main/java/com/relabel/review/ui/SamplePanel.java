package com.relabel.review.ui;

import com.relabel.dataset.TableSamples;
import com.relabel.review.QueueItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * The sample itself: the image large, for a closer look ({@link ImageViewer}), the text, or a table
 * row beside its classes ({@link SampleTableBox}); its label, the suggestion and why it is flagged.
 * Its parts wrap onto a new line when the window is narrow (1024 wide): the context beside the
 * facts then moves below, never past the window.
 */
final class SamplePanel extends HorizontalLayout {

  /** The facts up to the suggestion: index, given label, its caption, suggestion, its caption. */
  private static final int FACTS_BEFORE_SCORE = 5;

  private final Image image = new Image();
  private final Span index = new Span();
  private final Span given = new Span();
  private final Span suggested = new Span();
  private final Span probability = new Span();
  private final Span score = new Span();
  private final Div flagged = new Div();
  private final SampleTextBox text = SampleTextBox.full();
  private final SampleTableBox table = new SampleTableBox();
  private final ImageViewer viewer = new ImageViewer(image);
  private final VerticalLayout facts;

  SamplePanel() {
    image.setId("sample-image");
    image.addClassName("sample-image");
    text.setId("sample-text");
    text.setVisible(false);
    table.setId("sample-table");
    table.setVisible(false);
    index.setId("sample-index");
    given.setId("given-label");
    given.addClassName("label-big");
    suggested.setId("suggested-label");
    suggested.addClassName("label-big");
    probability.setId("suggested-probability");
    probability.addClassName("suggestion-probability");
    score.setId("score");
    flagged.setId("flagged-by");
    facts =
        new VerticalLayout(
            index,
            caption("Given label"),
            given,
            caption("Suggested label"),
            new Span(suggested, probability),
            caption("Noise score (higher = more suspicious)"),
            score,
            caption("Flagged by"),
            flagged);
    facts.setSpacing(false);
    facts.addClassName("sample-facts");
    add(viewer, text, table, facts);
    addClassName("sample-panel");
  }

  /** {@code part} goes last among the facts, after the methods that flag the sample. */
  void addFact(Component part) {
    facts.add(part);
  }

  /** {@code part} goes right after the suggested label (the model's top classes). */
  void addAfterSuggestion(Component part) {
    facts.addComponentAtIndex(FACTS_BEFORE_SCORE, part);
  }

  /** Shows {@code body} instead of the image (a text sample), or the image again when null. */
  void showText(String body) {
    viewer.setVisible(body == null);
    text.setVisible(body != null);
    table.setVisible(false);
    if (body != null) {
      image.getElement().removeAttribute("src");
      text.show(body);
    }
  }

  /**
   * Shows a table row's values beside the typical values of the classes {@code given} and {@code
   * suggested} instead of the image (decision 0045).
   */
  void showTable(List<TableSamples.Line> lines, String given, String suggested) {
    viewer.setVisible(false);
    text.setVisible(false);
    table.setVisible(true);
    image.getElement().removeAttribute("src");
    table.show(lines, given, suggested);
  }

  /** The closer look at the images (zoom, contrast, brightness) of this session for the dataset. */
  void forDataset(long datasetId) {
    viewer.forDataset(datasetId);
  }

  /** Z: zooms the image one step further in, or back to its own size. */
  void nextZoomStep() {
    viewer.nextZoomStep();
  }

  void show(QueueItem item, List<String> classNames) {
    image.setSrc("images/samples/" + item.sampleId() + ".png");
    image.setAlt("Sample " + item.sampleIndex());
    index.setText("Sample #" + item.sampleIndex());
    given.setText(name(classNames, item.currentLabel()));
    suggested.setText(
        item.suggestedLabel() == null ? "–" : name(classNames, item.suggestedLabel()));
    probability.setText(
        item.suggestedProbability() == null
            ? ""
            : String.format(" p = %.2f", item.suggestedProbability()));
    score.setText(String.format("%.4f", item.score()));
    flagged.removeAll();
    if (item.flaggedBy().isEmpty()) {
      flagged.add(new Span("no method"));
    }
    for (String m : item.flaggedBy()) {
      var badge = new Span(m);
      badge.addClassName("method-badge");
      flagged.add(badge);
    }
  }

  private static String name(List<String> classNames, int label) {
    return label < classNames.size() ? classNames.get(label) : Integer.toString(label);
  }

  private static Span caption(String text) {
    var s = new Span(text);
    s.addClassName("label-caption");
    return s;
  }
}

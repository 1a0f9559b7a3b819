package com.relabel.review.ui;

import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * The review screen's decision buttons and the keys that do the same: Enter confirms, a digit
 * corrects to that class, L or / picks a class by name, X excludes, S skips, U undoes, F flags
 * unsure, C comments, ? shows the shortcuts; G (guidelines) and Z (zoom) decide nothing. Every
 * button and sample key goes through {@link ReviewKeys}, so it decides the sample on screen when it
 * was pressed, or nothing.
 */
final class DecisionControls extends VerticalLayout {

  private static final Key[] DIGITS = {
    Key.DIGIT_0, Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4,
    Key.DIGIT_5, Key.DIGIT_6, Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9
  };
  private static final Key[] NUMPAD = {
    Key.NUMPAD_0, Key.NUMPAD_1, Key.NUMPAD_2, Key.NUMPAD_3, Key.NUMPAD_4,
    Key.NUMPAD_5, Key.NUMPAD_6, Key.NUMPAD_7, Key.NUMPAD_8, Key.NUMPAD_9
  };

  private final ReviewKeys keys;
  private final ReviewFlow flow;
  private final HorizontalLayout correctButtons = new HorizontalLayout();
  private int classCount;

  /**
   * The buttons, and the keys bound on {@code keys}; {@code guidelines} and {@code zoom} act
   * whatever the screen shows.
   */
  DecisionControls(ReviewKeys keys, ReviewFlow flow, Runnable guidelines, Runnable zoom) {
    this.keys = keys;
    this.flow = flow;
    setPadding(false);
    var confirm = keys.sampleButton("Confirm (Enter)", this::confirm);
    confirm.setId("confirm-button");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    var exclude = keys.sampleButton("Exclude (X)", this::exclude);
    exclude.setId("exclude-button");
    exclude.addThemeVariants(ButtonVariant.LUMO_ERROR);
    var skip = keys.sampleButton("Skip (S)", flow::skip);
    skip.setId("skip-button");
    var undo = new Button("Undo (U)", e -> flow.undo());
    undo.setId("undo-button");
    var unsure = keys.sampleButton("Unsure (F)", flow::unsure);
    unsure.setId("unsure-button");
    var comment = keys.sampleButton("Comment (C)", flow::comment);
    comment.setId("comment-button");
    var actions = new HorizontalLayout(confirm, exclude, skip, undo, unsure, comment);
    actions.getStyle().set("flex-wrap", "wrap");
    correctButtons.setId("correct-buttons");
    correctButtons.getStyle().set("flex-wrap", "wrap");
    add(
        actions,
        new Span("Correct to (press the digit):"),
        correctButtons,
        new Paragraph(
            "Keys: Enter = confirm · 0-9 = correct to that class · L or / = pick a class by name"
                + " · X = exclude · S = skip · U = undo · F = unsure · C = comment"
                + " · G = guidelines · Z = zoom"
                + " · ? = all shortcuts"));
    bindKeys(guidelines, zoom);
  }

  private void bindKeys(Runnable guidelines, Runnable zoom) {
    keys.onSampleKey(Key.ENTER, this::confirm);
    keys.onSampleKey(Key.KEY_X, this::exclude);
    keys.onSampleKey(Key.KEY_S, flow::skip);
    keys.onKey(Key.KEY_U, flow::undo);
    keys.onSampleKey(Key.KEY_F, flow::unsure);
    keys.onSampleKey(Key.KEY_C, flow::comment);
    keys.onSampleKey(Key.KEY_L, flow::pickClass);
    keys.onSampleKey(Key.of("/"), flow::pickClass);
    keys.onKey(Key.of("?"), KeyboardHelp::open);
    // neither decides anything: they act whatever the screen shows
    keys.onKey(Key.KEY_G, guidelines);
    keys.onKey(Key.KEY_Z, zoom);
    for (int k = 0; k < 10; k++) {
      int label = k;
      keys.onSampleKey(DIGITS[k], item -> flow.correctByKey(item, label, classCount));
      keys.onSampleKey(NUMPAD[k], item -> flow.correctByKey(item, label, classCount));
    }
  }

  /** One "correct to" button per class of the dataset. */
  void setClassNames(List<String> classNames) {
    classCount = classNames.size();
    correctButtons.removeAll();
    for (int k = 0; k < classNames.size(); k++) {
      int label = k;
      var b =
          keys.sampleButton(
              classNames.get(k), item -> flow.decide(item, ReviewAction.CORRECT, label));
      b.setId("correct-" + k);
      correctButtons.add(b);
    }
  }

  private void confirm(QueueItem item) {
    flow.decide(item, ReviewAction.CONFIRM, -1);
  }

  private void exclude(QueueItem item) {
    flow.decide(item, ReviewAction.EXCLUDE, -1);
  }
}

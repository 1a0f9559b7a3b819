package com.relabel.review.ui;

import com.vaadin.flow.component.html.Div;

/**
 * A text sample on screen: its text as plain text (set with {@code setText}, so markup in it is
 * shown, never interpreted), line breaks kept; long texts scroll inside the box. Snippets stand in
 * for thumbnails in lists.
 */
final class SampleTextBox extends Div {

  /** Characters of a text shown where an image sample shows a thumbnail. */
  static final int SNIPPET_CHARS = 120;

  private SampleTextBox(String className) {
    addClassName(className);
  }

  /** The whole text, scrollable. */
  static SampleTextBox full() {
    return new SampleTextBox("sample-text");
  }

  /** The start of a text, clipped, for tiles and cards. */
  static SampleTextBox snippet(String text) {
    var box = new SampleTextBox("sample-snippet");
    box.show(text);
    return box;
  }

  void show(String text) {
    String t = text == null ? "" : text;
    setText(getClassNames().contains("sample-snippet") ? clip(t) : t);
  }

  static String clip(String text) {
    return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
  }
}

package com.relabel.base.ui;

import com.vaadin.flow.component.html.Anchor;

/** What the error views share. */
final class ErrorPages {
  private ErrorPages() {}

  /** A link to the start page (the datasets), followed by the router without a page load. */
  static Anchor backToStart() {
    var link = new Anchor(".", "Go to the start page");
    link.setId("back-to-start");
    return link;
  }
}

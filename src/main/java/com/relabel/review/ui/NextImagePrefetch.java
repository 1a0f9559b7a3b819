package com.relabel.review.ui;

import com.vaadin.flow.component.html.Image;

/**
 * A hidden image of the sample that comes next, so the browser has it decoded before the reviewer
 * decides: the next sample then shows without a wait.
 */
final class NextImagePrefetch extends Image {

  NextImagePrefetch() {
    setId("next-image");
    setAlt("");
    getElement().setAttribute("aria-hidden", "true");
    getStyle().set("position", "absolute").set("width", "1px").set("height", "1px");
    getStyle().set("opacity", "0").set("pointer-events", "none");
  }

  void prefetch(Long sampleId) {
    if (sampleId == null) {
      getElement().removeAttribute("src");
    } else {
      setSrc("images/samples/" + sampleId + ".png");
    }
  }
}

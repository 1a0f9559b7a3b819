package com.relabel.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.DomEvent;

/**
 * The big image with a closer look: zoom (Z steps through 1x, 2x and 4x; the mouse wheel over the
 * image zooms in and out around the pointer; the pixels stay sharp squares) and contrast and
 * brightness sliders (a CSS filter on the image), with a reset. The setting is the session's for
 * the dataset ({@link ImageLook}): it stays from sample to sample.
 */
final class ImageViewer extends VerticalLayout {

  /** How much one wheel notch (deltaY 100) zooms: 1.25 times. */
  private static final double WHEEL_STEP = Math.log(1.25) / 100;

  private static final String DELTA = "event.deltaY";
  private static final String U =
      "(event.clientX - element.getBoundingClientRect().left) / element.clientWidth";
  private static final String V =
      "(event.clientY - element.getBoundingClientRect().top) / element.clientHeight";

  private final Image image;
  private final Div frame = new Div();
  private final Span zoomLevel = new Span();
  private final RangeInput contrast = slider("contrast");
  private final RangeInput brightness = slider("brightness");
  private long datasetId = -1;
  private ImageLook look = ImageLook.PLAIN;

  ImageViewer(Image image) {
    this.image = image;
    setPadding(false);
    setSpacing(false);
    setWidth(null);
    addClassName("image-viewer");
    frame.setId("image-frame");
    frame.addClassName("image-frame");
    frame.add(image);
    frame
        .getElement()
        .addEventListener("wheel", this::wheel)
        .setFilter("event.deltaY !== 0 && (event.preventDefault() || true)")
        .addEventData(DELTA)
        .addEventData(U)
        .addEventData(V);
    zoomLevel.setId("zoom-level");
    zoomLevel.setTitle("Zoom: Z or the mouse wheel over the image");
    contrast.addValueChangeListener(e -> filterChanged(e.isFromClient()));
    brightness.addValueChangeListener(e -> filterChanged(e.isFromClient()));
    var reset = ReviewKeys.plainButton("Reset", this::reset);
    reset.setId("look-reset");
    reset.setTooltipText("Back to 1× and the image's own contrast and brightness");
    var tools =
        new HorizontalLayout(
            zoomLevel, labelled("Contrast", contrast), labelled("Brightness", brightness), reset);
    tools.setId("look-tools");
    tools.addClassName("look-tools");
    tools.setAlignItems(Alignment.CENTER);
    add(frame, tools);
  }

  /** The dataset being reviewed: its look for this session applies. */
  void forDataset(long datasetId) {
    this.datasetId = datasetId;
    apply(ImageLook.of(datasetId));
  }

  /** Z: the next zoom step, around the middle of the image. */
  void nextZoomStep() {
    if (isVisible()) {
      change(look.nextZoomStep());
    }
  }

  private void wheel(DomEvent e) {
    var data = e.getEventData();
    double delta = data.get(DELTA).asDouble();
    double u = data.get(U).asDouble();
    double v = data.get(V).asDouble();
    change(look.zoomAround(look.zoom() * Math.exp(-delta * WHEEL_STEP), u, v));
  }

  private void filterChanged(boolean fromClient) {
    if (fromClient && contrast.getValue() != null && brightness.getValue() != null) {
      change(
          look.withFilter(
              (int) Math.round(contrast.getValue()), (int) Math.round(brightness.getValue())));
    }
  }

  private void reset() {
    change(ImageLook.PLAIN);
  }

  private void change(ImageLook changed) {
    ImageLook.keep(datasetId, changed);
    apply(changed);
  }

  private void apply(ImageLook applied) {
    look = applied;
    image
        .getStyle()
        .set("transform", look.transform())
        .set("transform-origin", "0 0")
        .set("filter", look.filter());
    zoomLevel.setText(look.zoomText());
    contrast.setValue((double) look.contrast());
    brightness.setValue((double) look.brightness());
  }

  private static RangeInput slider(String id) {
    var slider = new RangeInput();
    slider.setId(id);
    slider.setMin(ImageLook.MIN_FILTER);
    slider.setMax(ImageLook.MAX_FILTER);
    slider.setStep(5d);
    slider.setValue(100d);
    slider.setValueChangeMode(ValueChangeMode.EAGER);
    // let go with the pointer, the slider lets go of the focus too, so that Enter confirms again
    slider
        .getElement()
        .addEventListener("pointerup", e -> {})
        .setFilter("(event.target.blur() || false)");
    return slider;
  }

  private static HorizontalLayout labelled(String caption, RangeInput slider) {
    var label = new NativeLabel(caption);
    label.setFor(slider);
    label.addClassName("label-caption");
    var box = new HorizontalLayout(label, slider);
    box.setSpacing(false);
    box.setAlignItems(Alignment.CENTER);
    box.addClassName("look-slider");
    return box;
  }
}

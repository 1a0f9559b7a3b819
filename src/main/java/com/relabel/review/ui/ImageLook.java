package com.relabel.review.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the reviewer looks at a dataset's images: zoom (1 to {@value #MAX_ZOOM} times, with the
 * visible part's top left corner at {@code x}, {@code y} in fractions of the image's size, both 0
 * or less), contrast and brightness in percent. It stays for the whole session, per dataset, so a
 * dark dataset needs one adjustment, not one per sample.
 */
record ImageLook(double zoom, double x, double y, int contrast, int brightness) {

  static final double MAX_ZOOM = 8;
  static final int MIN_FILTER = 25;
  static final int MAX_FILTER = 400;
  static final ImageLook PLAIN = new ImageLook(1, 0, 0, 100, 100);

  /** The steps Z goes through, and back to 1. */
  private static final double[] Z_STEPS = {1, 2, 4};

  private static final String SESSION_KEY = ImageLook.class.getName();

  ImageLook {
    zoom = Math.clamp(zoom, 1, MAX_ZOOM);
    // the image always covers the frame: no empty band at any side
    x = Math.clamp(x, 1 - zoom, 0);
    y = Math.clamp(y, 1 - zoom, 0);
    contrast = Math.clamp(contrast, MIN_FILTER, MAX_FILTER);
    brightness = Math.clamp(brightness, MIN_FILTER, MAX_FILTER);
  }

  /**
   * Zoomed to {@code newZoom} around the point at {@code u}, {@code v} of the frame (fractions of
   * its size): that point of the image stays under it.
   */
  ImageLook zoomAround(double newZoom, double u, double v) {
    double z = Math.clamp(newZoom, 1, MAX_ZOOM);
    double px = (u - x) / zoom;
    double py = (v - y) / zoom;
    return new ImageLook(z, u - px * z, v - py * z, contrast, brightness);
  }

  /** Z: the next zoom step (1x, 2x, 4x, then 1x again), around the middle of the frame. */
  ImageLook nextZoomStep() {
    for (double step : Z_STEPS) {
      if (step > zoom + 1e-9) {
        return zoomAround(step, 0.5, 0.5);
      }
    }
    return zoomAround(1, 0.5, 0.5);
  }

  ImageLook withFilter(int newContrast, int newBrightness) {
    return new ImageLook(zoom, x, y, newContrast, newBrightness);
  }

  /** The CSS transform that shows this zoom (origin at the image's top left corner). */
  String transform() {
    return String.format(
        Locale.ROOT, "translate(%.4f%%, %.4f%%) scale(%.4f)", x * 100, y * 100, zoom);
  }

  /** The CSS filter for contrast and brightness. */
  String filter() {
    return "contrast(" + contrast + "%) brightness(" + brightness + "%)";
  }

  /** The zoom as the toolbar shows it: "1×", "2.5×". */
  String zoomText() {
    return (Math.abs(zoom - Math.rint(zoom)) < 0.05
            ? Integer.toString((int) Math.rint(zoom))
            : String.format(Locale.ROOT, "%.1f", zoom))
        + "×";
  }

  /** This session's look at the dataset's images; {@link #PLAIN} until the reviewer changes it. */
  static ImageLook of(long datasetId) {
    return looks().getOrDefault(datasetId, PLAIN);
  }

  /** Keeps {@code look} for the dataset for the rest of the session. */
  static void keep(long datasetId, ImageLook look) {
    looks().put(datasetId, look);
  }

  @SuppressWarnings("unchecked")
  private static Map<Long, ImageLook> looks() {
    VaadinSession session = VaadinSession.getCurrent();
    var looks = (Map<Long, ImageLook>) session.getAttribute(SESSION_KEY);
    if (looks == null) {
      looks = new HashMap<>();
      session.setAttribute(SESSION_KEY, looks);
    }
    return looks;
  }
}

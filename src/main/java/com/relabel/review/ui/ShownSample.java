package com.relabel.review.ui;

import com.relabel.review.QueueItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The sample on the review screen, the one a key or click decides (issue 13). The view's element
 * names it, with the version shown, in {@value #ATTRIBUTE}; every decision event reads that name in
 * the browser when it happens ({@link #FROM_INSIDE}, {@link #FROM_ABOVE}), and {@link
 * #ifStillShown} acts only while the sample it names is still the one on screen. So an event that
 * was on its way while the screen moved on (Enter pressed before the answer to a click arrived)
 * names the sample that is decided already, and decides nothing: not that one twice, and not the
 * next one, which the reviewer has not seen.
 */
final class ShownSample {

  static final String ATTRIBUTE = "data-shown-sample";

  /** Event data: the name on screen, for a listener on an element inside the view. */
  static final String FROM_INSIDE =
      "element.closest('[" + ATTRIBUTE + "]')?.getAttribute('" + ATTRIBUTE + "')";

  /** Event data: the name on screen, for a listener on an element around the view (the UI). */
  static final String FROM_ABOVE =
      "element.querySelector('[" + ATTRIBUTE + "]')?.getAttribute('" + ATTRIBUTE + "')";

  private final Element mark;
  private QueueItem item;

  ShownSample(Component view) {
    this.mark = view.getElement();
  }

  /** The sample on screen; null when there is none. */
  QueueItem item() {
    return item;
  }

  /** Puts {@code item} (null: none) on screen as far as decisions go. */
  void set(QueueItem item) {
    this.item = item;
    if (item == null) {
      mark.removeAttribute(ATTRIBUTE);
    } else {
      mark.setAttribute(ATTRIBUTE, name(item));
    }
  }

  /**
   * Runs {@code action} on the sample on screen if it is the one {@code event} names (read with
   * {@code expression}); otherwise the event was meant for a sample decided, skipped or replaced
   * before it arrived, and the reviewer is told that it changed nothing.
   */
  void ifStillShown(DomEvent event, String expression, Consumer<QueueItem> action) {
    JsonNode named = event.getEventData().get(expression);
    if (item != null && named != null && name(item).equals(named.asString(""))) {
      action.accept(item);
    } else if (item != null) {
      var n =
          Notification.show(
              "That key or click was meant for a sample no longer on screen: it changed nothing."
                  + " The sample shown now is still open.",
              4000,
              Notification.Position.TOP_CENTER);
      n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
      n.setId("stale-input");
    }
  }

  private static String name(QueueItem item) {
    return item.sampleId() + "@" + item.version();
  }
}

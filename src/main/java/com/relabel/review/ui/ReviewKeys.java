package com.relabel.review.ui;

import com.relabel.review.QueueItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The review view's keys and decision buttons. A decision names the sample on screen when the key
 * was pressed or the button clicked ({@link ShownSample}), so one key press or click decides at
 * most one sample, and only one the reviewer saw. The keys match as Vaadin's shortcuts do (by key
 * or physical key, no Ctrl, Alt or Meta, Shift only for "?"), listened to on the whole page while
 * the view is attached; like shortcuts they pause while a dialog is open. Enter on a focused button
 * or link is that control's, never also a decision; and a clicked decision button lets go of the
 * focus, so that the next Enter confirms the next sample instead of clicking the button again. A
 * key held down is one press: the browser's repeats of it do nothing, or holding Enter would
 * confirm every sample that came up while it was held.
 */
final class ReviewKeys {

  private static final String KEY = "event.key";
  private static final String CODE = "event.code";
  private static final String NO_MODIFIERS =
      "!event.ctrlKey && !event.altKey && !event.metaKey && !event.getModifierState('AltGraph')"
          + " && (!event.shiftKey || event.key === '?')";
  private static final String NOT_FOR_A_CONTROL =
      "!(event.key === 'Enter' && event.target.closest"
          + " && event.target.closest('vaadin-button, button, a[href], vaadin-select,"
          + " [role=button], [role=option], input, textarea'))";

  private record Binding(Key key, Consumer<DomEvent> action) {
    boolean matches(DomEvent event) {
      return key.getKeys().contains(event.getEventData().get(KEY).asString(""))
          || key.getKeys().contains(event.getEventData().get(CODE).asString(""));
    }
  }

  private final ShownSample shown;
  private final List<Binding> bindings = new ArrayList<>();
  private DomListenerRegistration listener;

  ReviewKeys(Component view, ShownSample shown) {
    this.shown = shown;
    view.addAttachListener(e -> listen(e.getUI()));
    view.addDetachListener(e -> stop());
  }

  /** {@code key} acts on the sample on screen when it was pressed, if that one is still shown. */
  void onSampleKey(Key key, Consumer<QueueItem> action) {
    bindings.add(new Binding(key, e -> shown.ifStillShown(e, ShownSample.FROM_ABOVE, action)));
  }

  /** {@code key} acts whatever the screen shows. */
  void onKey(Key key, Runnable action) {
    bindings.add(new Binding(key, e -> action.run()));
  }

  /** A button that acts on the sample on screen when it was clicked, if that one is still shown. */
  Button sampleButton(String text, Consumer<QueueItem> action) {
    var button = new Button(text);
    button
        .getElement()
        .addEventListener("click", e -> shown.ifStillShown(e, ShownSample.FROM_INSIDE, action))
        // in the browser, at the click: the focus goes, so Enter is the shortcut's again
        .setFilter("(element.blur() || true)")
        .addEventData(ShownSample.FROM_INSIDE);
    return button;
  }

  /**
   * A button that decides nothing (guidelines, the image's look): at the click it lets go of the
   * focus like the decision buttons, so that the next Enter confirms the sample instead of clicking
   * it again.
   */
  static Button plainButton(String text, Runnable action) {
    var button = new Button(text);
    button
        .getElement()
        .addEventListener("click", e -> action.run())
        .setFilter("(element.blur() || true)");
    return button;
  }

  private void listen(UI ui) {
    stop();
    String names =
        bindings.stream()
            .flatMap(b -> b.key().getKeys().stream())
            .distinct()
            .map(name -> "'" + name + "'")
            .collect(Collectors.joining(",", "[", "]"));
    listener =
        ui.getElement()
            .addEventListener("keydown", this::pressed)
            .setFilter(
                names
                    + ".some(k => k === event.key || k === event.code) && "
                    + NO_MODIFIERS
                    + " && "
                    + NOT_FOR_A_CONTROL
                    + " && (event.preventDefault() || true)"
                    // a key held down is one press: its repeats would decide what comes up next
                    + " && !event.repeat")
            .addEventData(KEY)
            .addEventData(CODE)
            .addEventData(ShownSample.FROM_ABOVE);
  }

  private void pressed(DomEvent event) {
    bindings.stream()
        .filter(b -> b.matches(event))
        .findFirst()
        .ifPresent(b -> b.action().accept(event));
  }

  private void stop() {
    if (listener != null) {
      listener.remove();
      listener = null;
    }
  }
}

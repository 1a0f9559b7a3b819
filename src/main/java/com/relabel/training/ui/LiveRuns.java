package com.relabel.training.ui;

import com.relabel.training.RunProgress;
import com.relabel.training.RunProgressEvents;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.function.Consumer;

/**
 * Wires a view to live run progress: while the view is attached, every {@link RunProgress} of this
 * node reaches it through server push ({@code UI.access}); runs executing on another node are only
 * seen by the view's fallback poll ({@link #FALLBACK_POLL_MILLIS}), see
 * docs/decisions/0011-push-progress.md.
 */
public final class LiveRuns {

  /** How often a view re-reads runs from the database while one is active anywhere. */
  public static final int FALLBACK_POLL_MILLIS = 10_000;

  private LiveRuns() {}

  /**
   * Calls {@code onProgress} in {@code view}'s UI (session locked) for every progress event while
   * it is attached.
   */
  public static void bind(
      Component view, RunProgressEvents events, Consumer<RunProgress> onProgress) {
    view.addAttachListener(
        attach -> {
          UI ui = attach.getUI();
          Runnable unsubscribe =
              events.subscribe(
                  progress -> {
                    try {
                      ui.access(() -> onProgress.accept(progress));
                    } catch (UIDetachedException gone) {
                      // the browser left between the event and the push: nothing to draw
                    }
                  });
          view.addDetachListener(
              detach -> {
                unsubscribe.run();
                detach.unregisterListener();
              });
        });
  }

  /** Polls slowly while {@code anyActive}, not at all otherwise. */
  public static void fallbackPoll(UI ui, boolean anyActive) {
    ui.setPollInterval(anyActive ? FALLBACK_POLL_MILLIS : -1);
  }
}

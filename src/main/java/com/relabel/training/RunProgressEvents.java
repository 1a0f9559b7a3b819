package com.relabel.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Node-local bus of run progress: every progress write of a run that executes on this node (start,
 * every progress update, the end) is handed to the subscribers right after it committed. Views
 * subscribe while attached and redraw through server push ({@code UI.access}).
 *
 * <p>Only runs executing on this node are heard: with several application nodes a view also polls
 * the database slowly (see docs/decisions/0011-push-progress.md).
 */
@Component
public class RunProgressEvents {

  private static final Logger log = LoggerFactory.getLogger(RunProgressEvents.class);

  private final List<Consumer<RunProgress>> subscribers = new CopyOnWriteArrayList<>();

  /** Hears the progress of every run on this node; call the returned handle to stop. */
  public Runnable subscribe(Consumer<RunProgress> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Number of subscribers, for tests and diagnostics. */
  public int subscriberCount() {
    return subscribers.size();
  }

  void publish(RunProgress progress) {
    for (Consumer<RunProgress> subscriber : subscribers) {
      try {
        subscriber.accept(progress);
      } catch (RuntimeException e) {
        log.warn("A progress subscriber failed; it stays subscribed", e);
      }
    }
  }
}

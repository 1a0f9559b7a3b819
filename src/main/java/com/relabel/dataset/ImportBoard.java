package com.relabel.dataset;

import com.relabel.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The background imports of this node ({@link BackgroundImports}) that are running, or failed in
 * the last {@link #FAILURE_SHOWN}, for every signed-in user's start page: whoever started them, the
 * others see them too. Subscribers hear every change (a start, each 1,000 written, the end) on the
 * import's thread, as run progress is heard ({@code training.RunProgressEvents}). Node-local, like
 * the imports themselves: an import on another node is not listed (decision 0052).
 */
@Component
public class ImportBoard {

  /** How long a failed import stays listed, unless a user dismisses it on their own page. */
  public static final Duration FAILURE_SHOWN = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(ImportBoard.class);

  private final Map<Long, ImportStatus> imports = new ConcurrentSkipListMap<>();
  private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final Clock clock;

  ImportBoard() {
    this(Clock.systemUTC());
  }

  ImportBoard(Clock clock) {
    this.clock = clock;
  }

  /**
   * One import's change, with the whole board as it is after it.
   *
   * @param changed the import that changed (it has left the board when it {@link
   *     ImportStatus#succeeded()})
   * @param board what {@link #current()} answers now
   */
  public record Change(ImportStatus changed, List<ImportStatus> board) {}

  /** The running imports and the recently failed ones, oldest first. */
  @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
  public List<ImportStatus> current() {
    return listed();
  }

  /**
   * Hears every change of every import on this node, on the import's thread; call the returned
   * handle to stop. For views, which are open to signed-in users only.
   */
  public Runnable subscribe(Consumer<Change> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** A new import, its file not checked yet; returns its id on the board. */
  long started(String name, String format, String startedBy) {
    long id = ids.incrementAndGet();
    ImportStatus status = ImportStatus.started(id, name, format, startedBy, clock.instant());
    imports.put(id, status);
    publish(status);
    return id;
  }

  void progressed(long id, int written, int total) {
    change(id, s -> s.progressed(written, total));
  }

  /** Done: its dataset is there; it leaves the board. */
  void succeeded(long id) {
    ImportStatus done = imports.remove(id);
    if (done != null) {
      publish(done.succeeded(clock.instant()));
    }
  }

  /** Failed (or never started): listed with {@code reason} for {@link #FAILURE_SHOWN}. */
  void failed(long id, String reason) {
    change(id, s -> s.failed(reason, clock.instant()));
  }

  /** Stopped at shutdown: it leaves the board without a failure to show. */
  void stopped(long id) {
    imports.remove(id);
  }

  private void change(long id, UnaryOperator<ImportStatus> how) {
    ImportStatus changed = imports.computeIfPresent(id, (k, s) -> how.apply(s));
    if (changed != null) {
      publish(changed);
    }
  }

  private List<ImportStatus> listed() {
    Instant shownSince = clock.instant().minus(FAILURE_SHOWN);
    imports.values().removeIf(s -> s.failed() && s.endedAt().isBefore(shownSince));
    return List.copyOf(imports.values());
  }

  private void publish(ImportStatus status) {
    var change = new Change(status, listed());
    for (Consumer<Change> subscriber : subscribers) {
      try {
        subscriber.accept(change);
      } catch (RuntimeException e) {
        log.warn("An import subscriber failed; it stays subscribed", e);
      }
    }
  }
}

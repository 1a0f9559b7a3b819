package com.relabel.review;

import com.relabel.dataset.DatasetService;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The review screens' header counts (open, decided, corrected), counted once for every screen of a
 * dataset on this node instead of once per key press (decision 0049). A decision that commits
 * schedules a count of the dataset after {@code relabel.review.counts-delay}; decisions made
 * meanwhile share it, and a decision that commits after a count started schedules the next one. So
 * the last count always starts after the last decision committed, and the screens show it through
 * server push: exact, a fraction of a second after each decision. The count is the database's, so
 * it includes what other nodes decided.
 */
@Component
public class QueueCounts {

  private static final Logger log = LoggerFactory.getLogger(QueueCounts.class);

  private final DatasetService datasets;
  private final long delayMillis;
  private final Map<Long, List<Consumer<QueueProgress>>> listeners = new ConcurrentHashMap<>();
  private final Map<Long, AtomicBoolean> scheduled = new ConcurrentHashMap<>();
  private final ScheduledExecutorService counter =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("queue-counts").factory());

  QueueCounts(
      DatasetService datasets, @Value("${relabel.review.counts-delay:250ms}") Duration delay) {
    this.datasets = datasets;
    this.delayMillis = delay.toMillis();
  }

  /** The dataset's counts now, read from the database. */
  public QueueProgress now(long datasetId) {
    var o = datasets.overview(datasetId);
    return new QueueProgress(o.open(), o.decided(), o.corrected(), o.samples());
  }

  /**
   * Calls {@code listener} with the dataset's counts after decisions on it; call the returned
   * handle to stop. The listener runs on the counting thread: a view hands the counts to its UI.
   */
  public Runnable register(long datasetId, Consumer<QueueProgress> listener) {
    List<Consumer<QueueProgress>> list =
        listeners.computeIfAbsent(datasetId, id -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SampleDecided decided) {
    changed(decided.datasetId());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SamplesDecided bulk) {
    bulk.decisions().stream().mapToLong(SampleDecided::datasetId).distinct().forEach(this::changed);
  }

  private void changed(long datasetId) {
    if (listeners.getOrDefault(datasetId, List.of()).isEmpty()) {
      return;
    }
    AtomicBoolean pending = scheduled.computeIfAbsent(datasetId, id -> new AtomicBoolean());
    if (pending.compareAndSet(false, true)) {
      counter.schedule(() -> count(datasetId, pending), delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void count(long datasetId, AtomicBoolean pending) {
    pending.set(false); // a decision committed from now on schedules the next count
    QueueProgress counts;
    try {
      counts = now(datasetId);
    } catch (RuntimeException e) {
      // the next decision counts again; the screens keep the counts they show
      log.warn("Could not count the review queue of dataset {}: {}", datasetId, e.toString());
      return;
    }
    for (Consumer<QueueProgress> listener : listeners.getOrDefault(datasetId, List.of())) {
      try {
        listener.accept(counts);
      } catch (RuntimeException e) { // a screen closing meanwhile: the others still get theirs
        log.debug("A review screen did not take the counts: {}", e.toString());
      }
    }
  }

  @PreDestroy
  void stop() {
    counter.shutdownNow();
  }
}

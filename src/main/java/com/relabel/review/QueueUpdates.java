package com.relabel.review;

import com.relabel.training.TrainingRunCompleted;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the open review queues of a dataset, on this node, that a run has re-ranked it: once the
 * switch to the new scores has committed. Views register while attached and update themselves
 * through server push.
 */
@Component
public class QueueUpdates {

  private final Map<Long, List<Consumer<TrainingRunCompleted>>> listeners =
      new ConcurrentHashMap<>();

  /** Registers a listener for a dataset; call the returned handle to unregister. */
  public Runnable register(long datasetId, Consumer<TrainingRunCompleted> listener) {
    List<Consumer<TrainingRunCompleted>> list =
        listeners.computeIfAbsent(datasetId, id -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }

  @TransactionalEventListener
  void on(TrainingRunCompleted completed) {
    listeners.getOrDefault(completed.datasetId(), List.of()).forEach(l -> l.accept(completed));
  }
}

package com.relabel.training;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A {@link TrainingRunListener} for integration tests, shared by every application context in the
 * JVM (its state is static): it records which node started which run, and can inject a fault (throw
 * after N batches) or a node death (block the training thread for good, deaf to interrupts) into
 * the next run that starts.
 */
@TestConfiguration
public class RunHooks {

  /** Node names that started each run, in order. */
  static final Map<Long, List<String>> STARTS = new ConcurrentHashMap<>();

  private static final AtomicInteger failAfterBatches = new AtomicInteger(-1);
  private static volatile Long failing;
  private static final AtomicBoolean hangNext = new AtomicBoolean();
  private static volatile Long hung;
  private static volatile String hungOn;
  private static volatile CountDownLatch release = new CountDownLatch(1);

  static void reset() {
    STARTS.clear();
    failAfterBatches.set(-1);
    failing = null;
    hangNext.set(false);
    hung = null;
    hungOn = null;
    release.countDown();
    release = new CountDownLatch(1);
  }

  /** The next run to start throws an exception from its {@code batches}th batch. */
  static void failNextRunAfter(int batches) {
    failAfterBatches.set(batches);
  }

  /** The next run to start freezes after its first batch, like a node that died mid-run. */
  static void hangNextRun() {
    hangNext.set(true);
  }

  static String hungOn() {
    return hungOn;
  }

  static Long hungRun() {
    return hung;
  }

  /** Lets a frozen training thread go on (it then ends itself with an error). */
  static void releaseHung() {
    release.countDown();
  }

  static int starts(long runId) {
    return STARTS.getOrDefault(runId, List.of()).size();
  }

  @Bean
  TrainingRunListener recordingListener(NodeName node) {
    return new TrainingRunListener() {
      @Override
      public void started(long runId) {
        STARTS.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(node.name());
        if (failAfterBatches.get() > 0 && failing == null) {
          failing = runId;
        } else if (hangNext.compareAndSet(true, false)) {
          hung = runId;
        }
      }

      @Override
      public void batch(long runId, int epoch, int batch) {
        Long f = failing;
        if (f != null && f == runId && batch >= failAfterBatches.get() && epoch == 1) {
          throw new IllegalStateException("injected fault after " + batch + " batches");
        }
        Long h = hung;
        if (h != null && h == runId) {
          hungOn = node.name();
          CountDownLatch latch = release;
          while (latch.getCount() > 0) {
            try {
              latch.await();
            } catch (InterruptedException deafToInterrupts) {
              // a dead node does not hear its scheduler shutting down
            }
          }
          throw new Error("the node was declared dead while this thread was frozen");
        }
      }
    };
  }
}

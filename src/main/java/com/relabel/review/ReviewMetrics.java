package com.relabel.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The review queue's metrics (decision 0033), measured from outside the review code: {@code
 * relabel.decisions} counts decisions by action (confirm, correct, exclude, undo, the consensus
 * steps, and skip) once their transaction committed, from the {@link SampleDecided} and {@link
 * SamplesDecided} events the audit trail is written from; {@code relabel.queue.next} times {@link
 * ReviewService#next}, the query (and lease) that picks a reviewer's next sample. A skip has no
 * event: it is the release of the shown sample's lease ({@link ReviewService#release}, which only
 * the skip calls).
 */
@Aspect
@Component
class ReviewMetrics {

  static final String DECISIONS = "relabel.decisions";
  static final String QUEUE_NEXT = "relabel.queue.next";

  private final MeterRegistry registry;
  private final Timer next;

  ReviewMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.next =
        Timer.builder(QUEUE_NEXT)
            .description("Time to find and lease a reviewer's next sample")
            .publishPercentileHistogram()
            .register(registry);
    // present from the start (at 0), so dashboards and alerts see the series before any decision
    for (ReviewAction action : ReviewAction.values()) {
      decisions(tag(action));
    }
    decisions("skip");
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SampleDecided decided) {
    decisions(tag(decided.action())).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SamplesDecided bulk) {
    for (SampleDecided decided : bulk.decisions()) {
      decisions(tag(decided.action())).increment();
    }
  }

  @Around("execution(* com.relabel.review.ReviewService.next(..))")
  Object timeNext(ProceedingJoinPoint call) throws Throwable {
    Timer.Sample started = Timer.start(registry);
    try {
      return call.proceed();
    } finally {
      started.stop(next);
    }
  }

  @AfterReturning("execution(* com.relabel.review.ReviewService.release(..))")
  void skipped() {
    decisions("skip").increment();
  }

  private Counter decisions(String action) {
    return Counter.builder(DECISIONS)
        .description("Review decisions recorded, by action")
        .tag("action", action)
        .register(registry);
  }

  private static String tag(ReviewAction action) {
    return action.name().toLowerCase(Locale.ROOT);
  }
}

package com.relabel.review;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The candidates that {@link NextSample} calls on this node are leasing right now, so that
 * reviewers asking at the same moment try different samples instead of racing for the first one
 * (decision 0042). A claim is only a hint between the calls of one node: the lease in the database
 * still decides who gets a sample, across nodes too.
 *
 * <p>A claim lives while its call takes the lease, and is then ended with a tick of this node's
 * clock. A call skips the samples that others claim, and also those whose claim ended after the
 * call began to read its candidates: such a lease may have committed after the read, so the read
 * may still show the sample as free. A claim that ended before the read began is forgotten: the
 * read saw its lease, or its lease failed and the sample is free.
 */
@Component
class LeaseClaims {

  /** How long an ended claim is kept: far longer than a candidate read takes. */
  private static final long FORGET_AFTER_NANOS = 5_000_000_000L;

  private record Claim(String user, long endedAt, long endedNanos) {
    boolean live() {
      return endedAt == Long.MAX_VALUE;
    }
  }

  private final ConcurrentMap<Long, Claim> claims = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();

  /** The clock reading a call takes before it reads candidates. */
  long now() {
    return clock.get();
  }

  /**
   * Claims the sample for {@code user}, unless another user claims it, or ended a claim on it after
   * {@code readAt}. True when the caller may try to lease it.
   */
  boolean claim(long sampleId, String user, long readAt) {
    var mine = new Claim(user, Long.MAX_VALUE, 0);
    Claim result = claims.compute(sampleId, (id, old) -> mayTake(old, user, readAt) ? mine : old);
    return result == mine;
  }

  /** Whether {@link #claim} would let {@code user} try the sample now; claims nothing. */
  boolean unclaimed(long sampleId, String user, long readAt) {
    return mayTake(claims.get(sampleId), user, readAt);
  }

  private static boolean mayTake(Claim old, String user, long readAt) {
    return old == null || old.user().equals(user) || (!old.live() && old.endedAt() <= readAt);
  }

  /** Ends the user's claim on the sample: its lease was taken, or could not be. */
  void end(long sampleId, String user) {
    long nanos = System.nanoTime();
    claims.computeIfPresent(
        sampleId,
        (id, old) ->
            old.user().equals(user) && old.live()
                ? new Claim(user, clock.incrementAndGet(), nanos)
                : old);
    claims.values().removeIf(c -> !c.live() && nanos - c.endedNanos() > FORGET_AFTER_NANOS);
  }
}

package com.relabel.security;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers for a short while which accounts were found active, so that the per-request check of
 * {@link DisabledUserFilter} reads the database at most once per account and period instead of on
 * every request. Only "active" is remembered: a disabled or unknown account is looked up every
 * time. {@link UserAccounts} forgets an account the moment it is disabled; other application nodes
 * see it within the period.
 */
final class ActiveAccounts {

  private final long ttlNanos;
  private final LongSupplier clock;
  private final Map<String, Long> activeUntil = new ConcurrentHashMap<>();
  private final Set<String> disabledHere = ConcurrentHashMap.newKeySet();

  ActiveAccounts(Duration ttl) {
    this(ttl, System::nanoTime);
  }

  ActiveAccounts(Duration ttl, LongSupplier clock) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("the active-account period must not be negative");
    }
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
  }

  /** Whether {@code username} was found active less than the period ago. */
  boolean knownActive(String username) {
    Long until = activeUntil.get(username);
    if (until == null) {
      return false;
    }
    if (clock.getAsLong() - until >= 0) {
      activeUntil.remove(username, until);
      return false;
    }
    return true;
  }

  /** {@code username} was just found active in the database. */
  void foundActive(String username) {
    disabledHere.remove(username);
    if (ttlNanos > 0) {
      activeUntil.put(username, clock.getAsLong() + ttlNanos);
    }
  }

  /** Forgets {@code username}: its next check reads the database. */
  void forget(String username) {
    activeUntil.remove(username);
    disabledHere.add(username);
  }

  /**
   * Whether {@code username} was forgotten here (its account disabled on this node) and not found
   * active since: what the per-request check refuses while the database cannot be read.
   */
  boolean disabledHere(String username) {
    return disabledHere.contains(username);
  }
}

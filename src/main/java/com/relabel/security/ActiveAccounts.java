package com.relabel.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers for a short while which accounts were found active, so that the per-request check of
 * {@link DisabledUserFilter} reads the database at most once per account and period instead of on
 * every request. Only "active" is remembered: a disabled or unknown account is looked up every
 * time. {@link UserAccounts} forgets an account the moment it is disabled; other application nodes
 * see it within the period.
 *
 * <p>An account disabled on this node is also remembered as such, for what the check does while the
 * database cannot be read (refuse it). Not for ever: until the database finds the account active
 * again (re-enabled, or the disabling rolled back), or until the disabled period has passed. That
 * period is the session timeout: by then a session the user had when the account was disabled has
 * timed out, or made a request while the database answered and was logged out (only one whose every
 * request since came during outages outlasts it, and without the database it can do nothing).
 * Without the limit an entry outlived its use: an account re-enabled on another node stayed refused
 * here during every later outage.
 */
final class ActiveAccounts {

  private final long ttlNanos;
  private final long disabledNanos;
  private final LongSupplier clock;
  private final Map<String, Long> activeUntil = new ConcurrentHashMap<>();
  private final Map<String, Long> disabledUntil = new ConcurrentHashMap<>();

  ActiveAccounts(Duration ttl, Duration disabledPeriod) {
    this(ttl, disabledPeriod, System::nanoTime);
  }

  ActiveAccounts(Duration ttl, Duration disabledPeriod, LongSupplier clock) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("the active-account period must not be negative");
    }
    if (disabledPeriod.isNegative()) {
      throw new IllegalArgumentException("the disabled-account period must not be negative");
    }
    this.ttlNanos = ttl.toNanos();
    this.disabledNanos = disabledPeriod.toNanos();
    this.clock = clock;
  }

  /** Whether {@code username} was found active less than the period ago. */
  boolean knownActive(String username) {
    return stillValid(activeUntil, username);
  }

  /** {@code username} was just found active in the database. */
  void foundActive(String username) {
    disabledUntil.remove(username);
    if (ttlNanos > 0) {
      activeUntil.put(username, clock.getAsLong() + ttlNanos);
    }
  }

  /** Forgets {@code username}: its next check reads the database. */
  void forget(String username) {
    activeUntil.remove(username);
    long now = clock.getAsLong();
    // lapsed entries of accounts never asked about again go too, so that the map stays small
    disabledUntil.values().removeIf(until -> now - until >= 0);
    if (disabledNanos > 0) {
      disabledUntil.put(username, now + disabledNanos);
    }
  }

  /**
   * Whether {@code username} was forgotten here (its account disabled on this node) less than the
   * disabled period ago and not found active since: what the per-request check refuses while the
   * database cannot be read.
   */
  boolean disabledHere(String username) {
    return stillValid(disabledUntil, username);
  }

  private boolean stillValid(Map<String, Long> until, String username) {
    Long end = until.get(username);
    if (end == null) {
      return false;
    }
    if (clock.getAsLong() - end >= 0) {
      until.remove(username, end);
      return false;
    }
    return true;
  }
}

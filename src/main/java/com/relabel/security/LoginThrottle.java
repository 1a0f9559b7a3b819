package com.relabel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failed logins are counted per user name and per remote address;
 * {@code max-failures} failures of a user name within {@code window} (or {@code
 * max-address-failures} from one address, or as many bad API tokens) lock it out for {@code
 * lockout}, doubling with every further lockout up to {@code max-lockout}. A locked-out login is
 * refused before its password is checked, so the right password does not help until the lockout is
 * over; a successful login resets its user name's count.
 *
 * <p>The counts live in this node's memory (a map of at most {@value #MAX_ENTRIES} keys, expired
 * ones dropped as it fills): behind a load balancer each node counts on its own, and a restart
 * forgets them.
 */
@Component
public class LoginThrottle {

  static final int MAX_ENTRIES = 10_000;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final int maxAddressFailures;
  private final Duration window;
  private final Duration lockout;
  private final Duration maxLockout;
  private final Clock clock;

  @Autowired
  LoginThrottle(
      @Value("${relabel.security.login.max-failures:5}") int maxFailures,
      @Value("${relabel.security.login.max-address-failures:20}") int maxAddressFailures,
      @Value("${relabel.security.login.window:15m}") Duration window,
      @Value("${relabel.security.login.lockout:1m}") Duration lockout,
      @Value("${relabel.security.login.max-lockout:15m}") Duration maxLockout) {
    this(maxFailures, maxAddressFailures, window, lockout, maxLockout, Clock.systemUTC());
  }

  LoginThrottle(
      int maxFailures,
      int maxAddressFailures,
      Duration window,
      Duration lockout,
      Duration maxLockout,
      Clock clock) {
    if (maxFailures < 1 || maxAddressFailures < 1) {
      throw new IllegalArgumentException("the failures allowed must be 1 or more");
    }
    this.maxFailures = maxFailures;
    this.maxAddressFailures = maxAddressFailures;
    this.window = window;
    this.lockout = lockout;
    this.maxLockout = maxLockout.compareTo(lockout) < 0 ? lockout : maxLockout;
    this.clock = clock;
  }

  /**
   * How long logins as this user or from this address are still refused; zero when they are not.
   */
  public Duration lockedFor(String username, String address) {
    Duration user = remaining(userKey(username));
    Duration from = remaining(addressKey(address));
    return user.compareTo(from) >= 0 ? user : from;
  }

  /** A wrong password (or unknown user name) from this address. */
  public void failed(String username, String address) {
    fail(userKey(username), maxFailures);
    fail(addressKey(address), maxAddressFailures);
  }

  /** A successful login: the user name's count starts again (the address's decays by itself). */
  public void succeeded(String username) {
    entries.remove(userKey(username));
  }

  /** How long API requests from this address are still refused for bad tokens; zero if not. */
  public Duration tokensLockedFor(String address) {
    return remaining(tokenKey(address));
  }

  /** An unknown or revoked API token sent from this address. */
  public void badToken(String address) {
    fail(tokenKey(address), maxAddressFailures);
  }

  /** The keys held (for tests). */
  int size() {
    return entries.size();
  }

  private Duration remaining(String key) {
    if (key == null) {
      return Duration.ZERO;
    }
    Entry e = entries.get(key);
    if (e == null) {
      return Duration.ZERO;
    }
    synchronized (e) {
      Duration left = Duration.between(clock.instant(), e.lockedUntil);
      return left.isNegative() ? Duration.ZERO : left;
    }
  }

  private void fail(String key, int allowed) {
    if (key == null) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
      evict(now);
    }
    Entry e = entries.computeIfAbsent(key, k -> new Entry(now));
    synchronized (e) {
      if (now.isBefore(e.lockedUntil)) {
        return; // refused before the password was checked; does not lengthen the lockout
      }
      if (!now.isBefore(e.windowStart.plus(window))) {
        // a quiet window: counting starts again, and so does the doubling once it is long past
        if (!now.isBefore(e.lockedUntil.plus(window))) {
          e.lockouts = 0;
        }
        e.failures = 0;
        e.windowStart = now;
      }
      e.failures++;
      e.lastFailure = now;
      if (e.failures >= allowed) {
        Duration delay = lockout.multipliedBy(1L << Math.min(e.lockouts, 20));
        e.lockedUntil = now.plus(delay.compareTo(maxLockout) > 0 ? maxLockout : delay);
        e.lockouts++;
        e.failures = 0;
        e.windowStart = now;
      }
    }
  }

  /** Drops the keys that no longer matter; if the map is still full, the longest quiet ones. */
  private void evict(Instant now) {
    entries
        .entrySet()
        .removeIf(
            x -> {
              Entry e = x.getValue();
              synchronized (e) {
                return !now.isBefore(e.windowStart.plus(window))
                    && !now.isBefore(e.lockedUntil.plus(window));
              }
            });
    int excess = entries.size() - MAX_ENTRIES + MAX_ENTRIES / 10;
    if (excess > 0) {
      entries.entrySet().stream()
          .sorted(Comparator.comparing(x -> x.getValue().lastFailure))
          .limit(excess)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(entries::remove);
    }
  }

  private static String userKey(String username) {
    return username == null || username.isBlank()
        ? null
        : "user:" + username.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return address == null ? null : "address:" + address;
  }

  private static String tokenKey(String address) {
    return address == null ? null : "token:" + address;
  }

  /** A text for the user: "1 minute", "3 minutes", "40 seconds". */
  public static String describe(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  private static final class Entry {
    int failures;
    int lockouts;
    Instant windowStart;
    Instant lastFailure;
    Instant lockedUntil = Instant.EPOCH;

    Entry(Instant now) {
      windowStart = now;
      lastFailure = now;
    }
  }
}

package com.relabel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActiveAccountsTest {

  private final AtomicLong now = new AtomicLong();
  private final ActiveAccounts active =
      new ActiveAccounts(Duration.ofSeconds(5), Duration.ofMinutes(30), now::get);

  @Test
  void anActiveAccountIsRememberedForThePeriodOnly() {
    assertThat(active.knownActive("anna")).isFalse();
    active.foundActive("anna");
    now.addAndGet(Duration.ofMillis(4999).toNanos());
    assertThat(active.knownActive("anna")).isTrue();
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(active.knownActive("anna")).isFalse();
  }

  @Test
  void aForgottenAccountIsLookedUpAgainAtOnce() {
    active.foundActive("anna");
    active.foundActive("ben");
    active.forget("anna");
    assertThat(active.knownActive("anna")).isFalse();
    assertThat(active.knownActive("ben")).isTrue();
  }

  @Test
  void aZeroPeriodRemembersNothingAndANegativeOneIsRefused() {
    var never = new ActiveAccounts(Duration.ZERO, Duration.ofMinutes(30), now::get);
    never.foundActive("anna");
    assertThat(never.knownActive("anna")).isFalse();
    assertThatThrownBy(() -> new ActiveAccounts(Duration.ofSeconds(-1), Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActiveAccounts(Duration.ofSeconds(5), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** While the database cannot be read, the filter refuses an account disabled on this node. */
  @Test
  void anAccountDisabledHereStaysRefusedUntilFoundActiveAgain() {
    active.foundActive("anna");
    active.foundActive("carla");
    active.forget("carla");
    assertThat(active.disabledHere("carla")).isTrue();
    assertThat(active.disabledHere("anna")).isFalse();
    active.foundActive("carla");
    assertThat(active.disabledHere("carla")).isFalse();
  }

  /**
   * An account disabled here is not refused for ever: an account re-enabled on another node was
   * refused here during every later outage, however long after.
   */
  @Test
  void anAccountDisabledHereIsRefusedForTheDisabledPeriodOnly() {
    active.forget("carla");
    now.addAndGet(Duration.ofMinutes(30).minusNanos(1).toNanos());
    assertThat(active.disabledHere("carla")).isTrue();
    now.addAndGet(1);
    assertThat(active.disabledHere("carla")).isFalse();
  }

  @Test
  void disablingAgainRestartsThePeriodAndAZeroPeriodRemembersNoDisabledAccount() {
    active.forget("carla");
    now.addAndGet(Duration.ofMinutes(20).toNanos());
    active.forget("carla");
    now.addAndGet(Duration.ofMinutes(20).toNanos());
    assertThat(active.disabledHere("carla")).isTrue();
    var none = new ActiveAccounts(Duration.ofSeconds(5), Duration.ZERO, now::get);
    none.forget("carla");
    assertThat(none.disabledHere("carla")).isFalse();
  }
}

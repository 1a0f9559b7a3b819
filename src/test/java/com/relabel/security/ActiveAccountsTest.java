package com.relabel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActiveAccountsTest {

  private final AtomicLong now = new AtomicLong();
  private final ActiveAccounts active = new ActiveAccounts(Duration.ofSeconds(5), now::get);

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
    var never = new ActiveAccounts(Duration.ZERO, now::get);
    never.foundActive("anna");
    assertThat(never.knownActive("anna")).isFalse();
    assertThatThrownBy(() -> new ActiveAccounts(Duration.ofSeconds(-1)))
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
}

package com.relabel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final LoginThrottle throttle =
      new LoginThrottle(
          5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), clock);

  @Test
  void fiveFailuresLockTheUserForAMinuteDoublingUpToFifteen() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("Anna", "10.0.0.1");
    }
    assertThat(throttle.lockedFor("anna", "10.0.0.2")).isZero();
    throttle.failed("anna ", "10.0.0.1");
    assertThat(throttle.lockedFor("ANNA", "10.0.0.2")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("ben", "10.0.0.2")).isZero();
    // attempts during the lockout are refused before the password is checked and never counted
    now = now.plusSeconds(60);
    assertThat(throttle.lockedFor("anna", "10.0.0.2")).isZero();
    long[] expectedMinutes = {2, 4, 8, 15, 15};
    for (long minutes : expectedMinutes) {
      for (int i = 0; i < 5; i++) {
        throttle.failed("anna", "10.0.0." + (10 + i));
      }
      assertThat(throttle.lockedFor("anna", null)).isEqualTo(Duration.ofMinutes(minutes));
      now = now.plus(Duration.ofMinutes(minutes));
    }
  }

  @Test
  void aSuccessResetsTheCountAndAQuietWindowForgetsIt() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    throttle.succeeded("anna");
    throttle.failed("anna", "10.0.0.1");
    assertThat(throttle.lockedFor("anna", null)).isZero();
    for (int i = 0; i < 3; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(15));
    throttle.failed("anna", "10.0.0.1");
    assertThat(throttle.lockedFor("anna", null)).isZero();
  }

  @Test
  void manyUsersFromOneAddressLockTheAddressAndBadTokensCountApart() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.lockedFor("someone", "10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.tokensLockedFor("10.0.0.9")).isZero();
    for (int i = 0; i < 20; i++) {
      throttle.badToken("10.0.0.9");
    }
    assertThat(throttle.tokensLockedFor("10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.tokensLockedFor("10.0.0.8")).isZero();
  }

  @Test
  void theMapStaysBounded() {
    for (int i = 0; i < LoginThrottle.MAX_ENTRIES * 2; i++) {
      throttle.failed("user" + i, null);
    }
    throttle.failed("last", null);
    assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
  }

  @Test
  void theWaitIsDescribedInWholeUnits() {
    assertThat(LoginThrottle.describe(Duration.ofMillis(1500))).isEqualTo("2 seconds");
    assertThat(LoginThrottle.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(LoginThrottle.describe(Duration.ofSeconds(60))).isEqualTo("1 minute");
    assertThat(LoginThrottle.describe(Duration.ofSeconds(61))).isEqualTo("2 minutes");
  }
}

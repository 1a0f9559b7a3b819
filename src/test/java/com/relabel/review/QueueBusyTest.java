package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.bench.SyntheticQueue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Busy" is not "empty" (decision 0042): while others on this node are taking every open sample a
 * reviewer could get, next() waits a bounded number of rounds and then says busy; once they are
 * done it answers with a sample, or empty when they took them all.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:queue-busy;DB_CLOSE_DELAY=-1")
class QueueBusyTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewService review;
  @Autowired LeaseClaims claims;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void othersTakingEverySampleMeansBusyAndTheirLeasesMeanEmpty() {
    long dataset =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("queue-busy", 3, 7))
            .datasetId();
    List<Long> samples =
        jdbc.queryForList("select id from sample where dataset_id = ?", Long.class, dataset);
    for (long sample : samples) {
      assertThat(claims.claim(sample, "other", claims.now())).isTrue();
    }
    login("me");
    long started = System.nanoTime();
    assertThatThrownBy(() -> review.next(dataset, Set.of()))
        .isInstanceOf(QueueBusyException.class)
        .hasMessageContaining("ask again");
    assertThat((System.nanoTime() - started) / 1e9).as("seconds until busy").isLessThan(5);

    // the other reviewer leased one and gave the rest up: the rest are mine to take
    login("other");
    long theirs = review.next(dataset, Set.of()).orElseThrow().sampleId();
    for (long sample : samples) {
      claims.end(sample, "other");
    }
    login("me");
    assertThat(review.next(dataset, Set.of()).orElseThrow().sampleId()).isNotEqualTo(theirs);
    assertThat(review.next(dataset, Set.copyOf(samples)))
        .as("all passed: empty, not busy")
        .isEmpty();
  }

  private static void login(String user) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, "n/a", AuthorityUtils.createAuthorityList("ROLE_ANNOTATOR")));
  }
}

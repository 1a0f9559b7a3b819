package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.SyntheticQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The candidates walk starts below the samples known to be decided (decision 0049): with the top
 * third of a run decided, the walk reads a handful of rows instead of walking past them all; and a
 * sample reopened above that point (an undo) is offered again at once, most suspicious first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:open-frontier;DB_CLOSE_DELAY=-1")
class OpenFrontierTest {

  private static final int SAMPLES = 3000;
  private static final int DECIDED = 1000;

  @Autowired JdbcTemplate jdbc;
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired OpenFrontier frontier;
  @Autowired ReviewService review;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theWalkStartsBelowTheDecidedTopOfTheRanking() {
    var data =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("open-frontier-plan", SAMPLES, 9));
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'anna' where id in (select"
            + " sample_id from sample_score where run_id = ? order by score desc, sample_id"
            + " fetch first "
            + DECIDED
            + " rows only)",
        data.runId());
    String sql = NextSample.candidatesSql(true, NextSample.CANDIDATES);
    double bound = frontier.bound(data.runId(), data.datasetId(), ReviewService.ENSEMBLE, true);

    long fromTop = mostRowsScanned(sql, params(data, Double.POSITIVE_INFINITY));
    long fromFrontier = mostRowsScanned(sql, params(data, bound));

    assertThat(fromTop)
        .as("walking from the top passes every decided sample")
        .isGreaterThan(DECIDED);
    assertThat(fromFrontier).as("walking from the frontier").isLessThan(50);
    assertThat(named.queryForList(sql, params(data, bound)))
        .isEqualTo(named.queryForList(sql, params(data, Double.POSITIVE_INFINITY)));
  }

  @Test
  void aSampleReopenedAboveTheFrontierIsOfferedAgainFirst() throws InterruptedException {
    long dataset =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("open-frontier-undo", 30, 4))
            .datasetId();
    login("anne");
    List<QueueItem> shown = new ArrayList<>();
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      QueueItem item = review.next(dataset, Set.of()).orElseThrow();
      shown.add(item);
      versions.add(review.record(item, ReviewAction.CONFIRM, 0).sample().getVersion());
    }
    Thread.sleep(OpenFrontier.MOVE_NANOS / 1_000_000 + 100); // the frontier moves down now
    login("bert");
    QueueItem sixth = review.next(dataset, Set.of()).orElseThrow(); // ...below the five
    assertThat(sixth.score()).isLessThanOrEqualTo(shown.getLast().score());

    login("anne");
    review.undo(shown.get(1), versions.get(1));
    login("carl");
    assertThat(review.next(dataset, Set.of()).orElseThrow().sampleId())
        .as("the undone sample, the most suspicious open one")
        .isEqualTo(shown.get(1).sampleId());
  }

  private static MapSqlParameterSource params(SyntheticQueue.Generated data, double bound) {
    return new MapSqlParameterSource()
        .addValue("run", data.runId())
        .addValue("bound", bound)
        .addValue("dataset", data.datasetId())
        .addValue("method", ReviewService.ENSEMBLE)
        .addValue("me", "frontier-test")
        .addValue("now", ReviewLeases.at(Instant.now()))
        .addValue("skipped", List.of(-1L));
  }

  private long mostRowsScanned(String sql, MapSqlParameterSource params) {
    String plan = named.queryForObject("explain analyze " + sql, params, String.class);
    Matcher counts = Pattern.compile("scanCount: (\\d+)").matcher(plan);
    long most = 0;
    while (counts.find()) {
      most = Math.max(most, Long.parseLong(counts.group(1)));
    }
    return most;
  }

  private static void login(String user) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, "n/a", AuthorityUtils.createAuthorityList("ROLE_ANNOTATOR")));
  }
}

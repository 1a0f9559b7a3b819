package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.SyntheticQueue;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * H2 runs the queue's candidates query, with bind parameters as the service sends it, by walking
 * the rank index and reading a handful of rows, not the whole run (decision 0013). A plan check,
 * not a timing. What it cannot show at a size the suite can afford: at 1,000,000 samples, H2 put
 * the outer query's inner joins before the candidates (2.5 s per call), which the left joins of
 * {@link NextSample#candidatesSql} prevent; at 3,000 and 50,000 samples H2 chose the right order
 * either way. That one is measured by {@code queue-bench} (docs/benchmarks.md).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:candidates-plan;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidatesPlanTest {

  static final int SAMPLES = 3000;

  @Autowired JdbcTemplate jdbc;
  @Autowired NamedParameterJdbcTemplate named;

  SyntheticQueue.Generated data;

  @BeforeAll
  void generate() {
    data =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("candidates-plan", SAMPLES, 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {ReviewService.ENSEMBLE, "loss"})
  void walksTheRankIndexAndReadsAHandfulOfRows(String method) {
    var params =
        new MapSqlParameterSource()
            .addValue("run", data.runId())
            .addValue("bound", Double.POSITIVE_INFINITY)
            .addValue("dataset", data.datasetId())
            .addValue("method", method)
            .addValue("me", "plan-test")
            .addValue("now", ReviewLeases.at(Instant.now()))
            .addValue("skipped", List.of(-1L));
    String sql =
        NextSample.candidatesSql(ReviewService.ENSEMBLE.equals(method), NextSample.CANDIDATES);

    String plan = named.queryForObject("explain analyze " + sql, params, String.class);

    assertThat(plan).contains("index sorted");
    Matcher counts = Pattern.compile("scanCount: (\\d+)").matcher(plan);
    long most = 0;
    int found = 0;
    while (counts.find()) {
      most = Math.max(most, Long.parseLong(counts.group(1)));
      found++;
    }
    assertThat(found).as(plan).isGreaterThan(3);
    assertThat(most).as(plan).isLessThan(SAMPLES / 10);
    assertThat(named.queryForList(sql, params)).hasSize(NextSample.CANDIDATES);
  }
}

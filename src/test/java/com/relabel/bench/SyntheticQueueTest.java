package com.relabel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The synthetic queue on H2: consistent, deterministic, and ranked like the real thing. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:synthetic;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticQueueTest {

  static final int SAMPLES = 2000;

  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewService review;
  @Autowired SecurityContextHolderStrategy securityContexts;

  SyntheticQueue generator;
  SyntheticQueue.Generated data;

  @BeforeAll
  void generate() {
    generator = new SyntheticQueue(jdbc, line -> {});
    data = generator.generate(SyntheticQueue.Spec.of("synthetic-test", SAMPLES, 7));
  }

  @AfterEach
  void logout() {
    securityContexts.clearContext();
    SecurityContextHolder.clearContext();
  }

  @Test
  void writesOneScoreRowPerSampleAndMethodForTheActiveSucceededRun() {
    assertThat(count("select count(*) from sample where dataset_id = ?", data.datasetId()))
        .isEqualTo(SAMPLES);
    assertThat(count("select count(*) from sample_score where run_id = ?", data.runId()))
        .isEqualTo(SAMPLES);
    assertThat(
            count(
                "select count(*) from sample_score sc join sample s on s.id = sc.sample_id"
                    + " where sc.run_id = ? and s.dataset_id = ?",
                data.runId(),
                data.datasetId()))
        .isEqualTo(SAMPLES);
    assertThat(count("select count(*) from method_score where run_id = ?", data.runId()))
        .isEqualTo(SAMPLES * SyntheticQueue.METHODS.size());
    assertThat(
            jdbc.queryForObject(
                "select active_run_id from dataset where id = ?", Long.class, data.datasetId()))
        .isEqualTo(data.runId());
    assertThat(
            jdbc.queryForObject(
                "select status from training_run where id = ?", String.class, data.runId()))
        .isEqualTo("SUCCEEDED");
    assertThat(
            count(
                "select count(*) from sample where status <> 'OPEN' and dataset_id = ?"
                    + " and (decided_by is null or decided_by <> 'bench-test')",
                data.datasetId()))
        .as("generated open; only the test below decides some")
        .isZero();
    // labels in range; about the noise rate of suggestions differ from the given label
    assertThat(
            count(
                "select count(*) from sample_score sc join sample s on s.id = sc.sample_id where"
                    + " sc.run_id = ? and (s.current_label not between 0 and 9 or"
                    + " sc.suggested_label not between 0 and 9 or sc.region not in ('EASY',"
                    + " 'AMBIGUOUS', 'HARD') or sc.suggested_probability not between 0 and 1)",
                data.runId()))
        .isZero();
    int noisy =
        count(
            "select count(*) from sample_score sc join sample s on s.id = sc.sample_id"
                + " where sc.run_id = ? and sc.suggested_label <> s.current_label",
            data.runId());
    assertThat(noisy).isBetween(SAMPLES / 20, SAMPLES / 5);
    // the suspicious ones rank first and carry the flags
    assertThat(
            count(
                "select count(*) from (select sc.sample_id, sc.suggested_label, s.current_label"
                    + " from sample_score sc join sample s on s.id = sc.sample_id where"
                    + " sc.run_id = ? order by sc.score desc fetch first 50 rows only) top"
                    + " where top.suggested_label <> top.current_label",
                data.runId()))
        .isEqualTo(50);
    assertThat(
            count(
                "select count(*) from sample_score where run_id = ? and flagged_by like '%loss%'",
                data.runId()))
        .isPositive();
  }

  @Test
  void theSameSeedGivesTheSameRows() {
    var copy = generator.generate(SyntheticQueue.Spec.of("synthetic-copy", SAMPLES, 7));
    String rows =
        "select s.sample_index, s.original_label, sc.score, sc.suggested_label, sc.flagged_by,"
            + " sc.region from sample_score sc join sample s on s.id = sc.sample_id"
            + " where sc.run_id = ? order by s.sample_index";
    assertThat(jdbc.queryForList(rows, copy.runId()))
        .isEqualTo(jdbc.queryForList(rows, data.runId()));
  }

  @Test
  void theIndexWalkingNextQueryAgreesWithAPlainSortAsTheQueueIsWorkedDown() {
    loginAs("bench-test");
    var named = new NamedParameterJdbcTemplate(jdbc);
    long dataset = data.datasetId();
    Set<Long> skipped = new java.util.HashSet<>();
    for (int i = 0; i < 30; i++) {
      for (String method : List.of(ReviewService.ENSEMBLE, "loss", "cl")) {
        assertThat(review.next(dataset, skipped, method).map(QueueItem::sampleId))
            .as("%s after %d decisions", method, i)
            .isEqualTo(plainSort(named, dataset, skipped, method));
      }
      QueueItem item = review.next(dataset, skipped, ReviewService.ENSEMBLE).orElseThrow();
      if (i % 5 == 4) {
        skipped.add(item.sampleId());
      } else {
        review.decide(item, ReviewAction.CONFIRM, item.currentLabel());
      }
    }
  }

  /** The most suspicious open sample by the simplest query: join, filter, sort. */
  private Optional<Long> plainSort(
      NamedParameterJdbcTemplate named, long dataset, Set<Long> skipped, String method) {
    boolean ensemble = ReviewService.ENSEMBLE.equals(method);
    String sql =
        ensemble
            ? "select s.id from sample_score r join sample s on s.id = r.sample_id"
                + " where r.run_id = :run"
            : "select s.id from method_score r join sample s on s.id = r.sample_id"
                + " where r.run_id = :run and r.method = :method";
    sql +=
        " and s.dataset_id = :dataset and s.status = 'OPEN' and s.id not in (:skipped)"
            + " order by r.score desc, r.sample_id fetch first 1 rows only";
    var params =
        new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("run", data.runId())
            .addValue("method", method)
            .addValue("dataset", dataset)
            .addValue("skipped", skipped.isEmpty() ? List.of(-1L) : skipped);
    return named.queryForList(sql, params, Long.class).stream().findFirst();
  }

  @Test
  void markingTheTopDecidedAndReopeningRoundTrip() {
    var other = generator.generate(SyntheticQueue.Spec.of("synthetic-reopen", 300, 3));
    assertThat(generator.markTopDecided(other.datasetId(), other.runId(), 40, "x")).isEqualTo(40);
    assertThat(
            count(
                "select count(*) from sample where dataset_id = ? and status = 'CONFIRMED'",
                other.datasetId()))
        .isEqualTo(40);
    assertThat(generator.find("synthetic-reopen")).isNotNull();
    assertThat(generator.reopenAll(other.datasetId())).isEqualTo(40);
    assertThat(
            count(
                "select count(*) from sample where dataset_id = ? and status = 'OPEN'",
                other.datasetId()))
        .isEqualTo(300);
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private void loginAs(String user) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_ANNOTATOR"));
    securityContexts.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
  }
}

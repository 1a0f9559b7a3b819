package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.SyntheticQueue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A method's rank of a sample from the kept, sorted scores is the database's count of higher scores
 * plus one, for every method and sample, ties included; and a run that is not finished is counted
 * in the database, so scores still being written are never kept.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:method-ranks;DB_CLOSE_DELAY=-1")
class MethodRanksTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired MethodRanks ranks;

  @Test
  void ranksFromKeptScoresAreTheDatabasesCountsTiesIncluded() {
    long run =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("method-ranks", 400, 11))
            .runId();
    // ties: a tenth of the loss scores share one value
    jdbc.update(
        "update method_score set score = 0.5 where run_id = ? and method = 'loss'"
            + " and mod(sample_id, 10) = 0",
        run);
    int checked = 0;
    for (Map<String, Object> row :
        jdbc.queryForList(
            "select method, score, (select count(*) from method_score o where o.run_id = m.run_id"
                + " and o.method = m.method and o.score > m.score) + 1 as expected"
                + " from method_score m where m.run_id = ? and mod(m.sample_id, 7) = 0",
            run)) {
      assertThat(
              ranks.rank(
                  run, (String) row.get("METHOD"), ((Number) row.get("SCORE")).doubleValue()))
          .as("%s", row)
          .isEqualTo(((Number) row.get("EXPECTED")).longValue());
      checked++;
    }
    assertThat(checked).isGreaterThan(100);

    // a finished run's scores are kept: a row removed behind its back changes nothing
    long lowest = ranks.rank(run, "aum", -1.0);
    deleteHighest(run);
    assertThat(ranks.rank(run, "aum", -1.0)).isEqualTo(lowest);

    // a run still writing its scores is counted in the database each time
    long writing =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("method-ranks-running", 100, 12))
            .runId();
    jdbc.update("update training_run set status = 'RUNNING' where id = ?", writing);
    long all = ranks.rank(writing, "aum", -1.0);
    assertThat(all).isEqualTo(101);
    deleteHighest(writing);
    assertThat(ranks.rank(writing, "aum", -1.0)).isEqualTo(all - 1);
  }

  private void deleteHighest(long run) {
    jdbc.update(
        "delete from method_score where run_id = ? and method = 'aum' and score ="
            + " (select max(score) from method_score where run_id = ? and method = 'aum')",
        run,
        run);
  }
}

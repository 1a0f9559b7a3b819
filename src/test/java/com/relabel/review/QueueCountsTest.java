package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.SyntheticQueue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The review screens' counts (decision 0049) are counted once per burst of decisions, not per key
 * press, and still reach every screen of the dataset exact: a screen that decided nothing itself
 * sees the decisions of two other reviewers, including the last one, soon after they committed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:queue-counts;DB_CLOSE_DELAY=-1")
class QueueCountsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewService review;
  @Autowired QueueCounts counts;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void everyScreenOfTheDatasetGetsTheCountsAfterOthersDecisions() throws Exception {
    long dataset =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("queue-counts", 12, 5))
            .datasetId();
    List<QueueProgress> seen = new CopyOnWriteArrayList<>();
    Runnable stop = counts.register(dataset, seen::add);
    List<QueueProgress> otherDataset = new CopyOnWriteArrayList<>();
    Runnable stopOther = counts.register(dataset + 1000, otherDataset::add);
    try {
      assertThat(counts.now(dataset)).isEqualTo(new QueueProgress(12, 0, 0, 12));
      decideNext(dataset, "anne", ReviewAction.CONFIRM);
      decideNext(dataset, "bert", ReviewAction.CORRECT);
      decideNext(dataset, "anne", ReviewAction.EXCLUDE);

      QueueProgress expected = new QueueProgress(9, 3, 1, 12);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!seen.contains(expected) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(seen).as("counts pushed to the dataset's screens").contains(expected);
      assertThat(seen.getLast()).isEqualTo(expected);
      assertThat(seen.size()).as("three decisions in a burst share counts").isLessThanOrEqualTo(3);
      assertThat(otherDataset).as("another dataset's screens count nothing").isEmpty();
    } finally {
      stop.run();
      stopOther.run();
    }
  }

  private void decideNext(long dataset, String reviewer, ReviewAction action) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                reviewer, "n/a", AuthorityUtils.createAuthorityList("ROLE_ANNOTATOR")));
    QueueItem item = review.next(dataset, Set.of()).orElseThrow();
    int label = action == ReviewAction.CORRECT ? (item.currentLabel() + 1) % 10 : 0;
    review.record(item, action, label);
  }
}

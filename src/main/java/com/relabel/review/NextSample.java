package com.relabel.review;

import com.relabel.dataset.Dataset;
import com.relabel.security.CurrentUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Picks and leases a reviewer's next sample (decision 0042). Reviewers asking at the same moment
 * read the same most suspicious candidates; each claims a different one on this node ({@link
 * LeaseClaims}) before it takes the lease, so they do not all race for the first. Each still gets
 * the most suspicious sample nobody else holds or is taking.
 */
@Component
class NextSample {

  /** How many candidates one read returns beyond those other calls on this node are taking. */
  static final int CANDIDATES = 4;

  /** The most candidates one read returns, however many calls run at once. */
  static final int MOST_CANDIDATES = 200;

  /**
   * How many times a call reads candidates again when others took or are taking every one it read.
   * On one node a round fails only while others' claims are still being leased; across nodes, when
   * another node leased the sample first. Then the answer is "busy, try again", never "empty".
   */
  static final int LEASE_ROUNDS = 10;

  /** The first pause between rounds, doubled each round (about 1 s in all). */
  private static final long FIRST_PAUSE_MILLIS = 1;

  /** Leases lost to another reviewer between the read and the lease: the queue's contention. */
  static final String LEASES_LOST = "relabel.queue.leases.lost";

  private final NamedParameterJdbcTemplate jdbc;
  private final ReviewLeases leases;
  private final LeaseClaims claims;
  private final QueueItems items;
  private final OpenFrontier frontier;
  private final Counter lost;
  private final AtomicInteger calls = new AtomicInteger();

  NextSample(
      NamedParameterJdbcTemplate jdbc,
      ReviewLeases leases,
      LeaseClaims claims,
      QueueItems items,
      OpenFrontier frontier,
      MeterRegistry registry) {
    this.jdbc = jdbc;
    this.leases = leases;
    this.claims = claims;
    this.items = items;
    this.frontier = frontier;
    this.lost =
        Counter.builder(LEASES_LOST)
            .description("Leases a reviewer's next() lost to another reviewer after reading them")
            .register(registry);
  }

  /**
   * See {@link ReviewService#next(long, Collection, String, QueueIssue)}; the dataset has an active
   * run.
   */
  Optional<QueueOffer> next(
      Dataset dataset, Collection<Long> skipped, String method, QueueIssue issue) {
    String me = CurrentUser.username();
    Set<Long> passed = new HashSet<>(skipped);
    int others = calls.getAndIncrement();
    try {
      for (int round = 0; round < LEASE_ROUNDS; round++) {
        long readAt = claims.now();
        int limit = Math.min(MOST_CANDIDATES, CANDIDATES + 2 * others);
        List<QueueItem> candidates = candidates(dataset, passed, method, issue, me, limit);
        if (candidates.isEmpty()) {
          return Optional.empty();
        }
        for (int i = 0; i < candidates.size(); i++) {
          long sampleId = candidates.get(i).sampleId();
          if (claims.claim(sampleId, me, readAt)) {
            passed.add(sampleId);
            Optional<QueueItem> leased = lease(dataset, sampleId, me);
            if (leased.isPresent()) {
              return Optional.of(
                  new QueueOffer(leased.get(), following(candidates, i + 1, me, readAt)));
            }
          }
        }
        pause(round);
        others = Math.max(0, calls.get() - 1);
      }
    } finally {
      calls.decrementAndGet();
    }
    throw new QueueBusyException(
        "Others took every open sample this reviewer was offered, "
            + LEASE_ROUNDS
            + " times over; ask again in a moment");
  }

  /**
   * The first of {@code candidates} from {@code from} on that nobody on this node is taking: the
   * image to pre-load, from the read that {@link #next} made anyway (decision 0049).
   */
  private Long following(List<QueueItem> candidates, int from, String me, long readAt) {
    for (QueueItem candidate : candidates.subList(from, candidates.size())) {
      if (claims.unclaimed(candidate.sampleId(), me, readAt)) {
        return candidate.sampleId();
      }
    }
    return null;
  }

  private Optional<QueueItem> lease(Dataset dataset, long sampleId, String me) {
    try {
      if (!leases.take(dataset.getId(), sampleId, me)) {
        lost.increment();
        return Optional.empty();
      }
      // it may have been decided between the read and the lease: read it again
      Optional<QueueItem> fresh = items.open(dataset, sampleId);
      if (fresh.isEmpty()) {
        leases.release(sampleId, me);
      }
      return fresh;
    } finally {
      claims.end(sampleId, me);
    }
  }

  private static void pause(int round) {
    try {
      Thread.sleep(FIRST_PAUSE_MILLIS << round);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueueBusyException("Interrupted while waiting for a free sample");
    }
  }

  /** The first candidate {@link #next} would offer after {@code skipped}, leasing nothing. */
  Optional<Long> peek(Dataset dataset, Collection<Long> skipped, String method) {
    return candidates(dataset, skipped, method, null, CurrentUser.username(), CANDIDATES).stream()
        .findFirst()
        .map(QueueItem::sampleId);
  }

  /**
   * Up to {@code limit} samples the user may take next, most suspicious first. The inner query
   * reads only the ranking table, in the exact order of its index ({@code ix_score_rank} or {@code
   * ix_method_score_rank}), and checks each row's sample with {@code exists}: so H2 and PostgreSQL
   * both walk the index and stop at the first open samples instead of sorting every open one
   * (decision 0013). The walk starts at the run's {@link OpenFrontier}, below the samples known to
   * be decided (decision 0049).
   */
  private List<QueueItem> candidates(
      Dataset dataset,
      Collection<Long> passed,
      String method,
      QueueIssue issue,
      String me,
      int limit) {
    boolean ensemble = ReviewService.ENSEMBLE.equals(method);
    long run = dataset.getActiveRunId();
    var params =
        new MapSqlParameterSource()
            .addValue("run", run)
            .addValue("bound", frontier.bound(run, dataset.getId(), method, ensemble))
            .addValue("dataset", dataset.getId())
            .addValue("method", method)
            .addValue("me", me)
            .addValue("now", ReviewLeases.at(Instant.now()))
            .addValue("skipped", passed.isEmpty() ? List.of(-1L) : passed);
    return jdbc.query(candidatesSql(ensemble, limit, issue), params, QueueItems::map);
  }

  /**
   * The candidates query (named parameters {@code run}, {@code bound}, {@code dataset}, {@code
   * method}, {@code me}, {@code now}, {@code skipped}); package-private for the test that checks
   * its plan on H2. The limit is written into the text, not bound: H2 plans a bound limit less
   * well.
   */
  static String candidatesSql(boolean ensemble, int limit) {
    return candidatesSql(ensemble, limit, null);
  }

  /** The candidates query, only samples with {@code issue} in the run when it is not null. */
  static String candidatesSql(boolean ensemble, int limit, QueueIssue issue) {
    String ranking =
        ensemble
            ? "select r.sample_id, r.score from sample_score r where r.run_id = :run"
            : "select r.sample_id, r.score from method_score r"
                + " where r.run_id = :run and r.method = :method";
    String indexOrder =
        ensemble
            ? "r.run_id, r.score desc, r.sample_id"
            : "r.run_id, r.method, r.score desc, r.sample_id";
    String available =
        " and r.score <= :bound"
            + " and r.sample_id not in (:skipped)"
            + " and exists (select 1 from sample o where o.id = r.sample_id"
            + " and o.dataset_id = :dataset and o.status = 'OPEN')"
            + " and not exists (select 1 from sample_lease l where l.sample_id = r.sample_id"
            + " and l.leased_by <> :me and l.expires_at >= :now)"
            + " and not exists (select 1 from sample_vote v where v.sample_id = r.sample_id"
            + " and v.voter = :me)"
            + (issue == null ? "" : " and " + issue.sql(":run", "r.sample_id"));
    return QueueItems.COLUMNS
        + " from ("
        + ranking
        + available
        + " order by "
        + indexOrder
        + " fetch first "
        + limit
        + " rows only) top"
        // left joins fix the join order: every candidate has its sample and its score row,
        // but with bind parameters H2 cannot cost the derived table and, given inner joins,
        // starts from sample_score instead: 2.5 s per call at 1,000,000 samples (6 ms so)
        + " left join sample s on s.id = top.sample_id"
        + " left join sample_score sc on sc.sample_id = s.id and sc.run_id = :run"
        + " order by top.score desc, top.sample_id";
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.review.BulkDecisions;
import com.relabel.review.BulkResult;
import com.relabel.review.Decision;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.Dispute;
import com.relabel.review.Disputes;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueItem;
import com.relabel.review.QueueRow;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewPolicies;
import com.relabel.review.ReviewService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Several reviewers at once, through the real services on a real database (subclasses choose it):
 * 20 threads deciding overlapping samples lose and duplicate nothing, leases give concurrent
 * reviewers different samples and lapse by themselves, and consensus review counts every vote once.
 * The queues are ranked by a hand-made run (no training), so each test gets a fresh dataset fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentReviewTest {

  static final int SAMPLES = 300;
  static final int THREADS = 20;
  static final int DECISIONS_PER_THREAD = 200;

  @Autowired DatasetImporter importer;
  @Autowired ReviewService review;
  @Autowired QueueBrowser grid;
  @Autowired BulkDecisions bulk;
  @Autowired ReviewPolicies policies;
  @Autowired Disputes disputes;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  /** A dataset of {@code SAMPLES} MNIST images whose queue a hand-made run ranks. */
  Dataset rankedDataset(String name) {
    Dataset dataset =
        importer.importImages(
            name + "-" + getClass().getSimpleName(),
            TestDatasets.mnist(SAMPLES),
            null,
            null,
            "test");
    rankAnew(dataset.getId(), 37);
    return dataset;
  }

  /**
   * A new hand-made run of the dataset, made active: it scores sample {@code i} by {@code (i *
   * step) mod SAMPLES}, a spread not in sample order.
   *
   * @return its id
   */
  long rankAnew(long datasetId, int step) {
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'IMPORTED', 'SUCCEEDED', current_timestamp, 0)",
        datasetId);
    long run =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, datasetId);
    jdbc.update(
        "insert into sample_score (run_id, sample_id, score, suggested_label)"
            + " select ?, id, mod(sample_index * ?, ?) / 1000.0, mod(current_label + 1, 10)"
            + " from sample where dataset_id = ?",
        run,
        step,
        SAMPLES,
        datasetId);
    jdbc.update("update dataset set active_run_id = ? where id = ?", run, datasetId);
    return run;
  }

  /** The sample's score in the dataset's active run. */
  double score(long sampleId) {
    return jdbc.queryForObject(
        "select sc.score from sample_score sc join dataset d on d.active_run_id = sc.run_id"
            + " where sc.sample_id = ?",
        Double.class,
        sampleId);
  }

  /** Runs {@code work(thread)} on {@code THREADS} threads at once; rethrows what they threw. */
  static void onThreads(ThrowingWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    var start = new CyclicBarrier(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  work.run(thread);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  interface ThrowingWork {
    void run(int thread) throws Exception;
  }

  void loginAs(String user, String role) {
    TestLogins.loginAs(securityContexts, user, role);
  }

  @Test
  void twentyReviewersDecidingOverlappingSamplesLoseAndDuplicateNothing() throws Exception {
    Dataset dataset = rankedDataset("race");
    long id = dataset.getId();
    var accepted = new ConcurrentHashMap<Long, AtomicInteger>();
    var acceptedCount = new AtomicInteger();
    var refused = new AtomicInteger();
    var unexpected = new CopyOnWriteArrayList<Throwable>();
    var sampleIds =
        jdbc.queryForList(
            "select id from sample where dataset_id = ? order by sample_index", Long.class, id);

    onThreads(
        thread -> {
          loginAs("reviewer" + thread, "ANNOTATOR");
          var random = new Random(thread);
          List<QueueItem> seen = new ArrayList<>();
          for (int i = 0; i < DECISIONS_PER_THREAD; i++) {
            QueueItem item;
            int pick = random.nextInt(10);
            if (pick < 4) {
              item = review.next(id, Set.of()).orElse(null); // the queue, leased
            } else if (pick < 8 || seen.isEmpty()) {
              // a sample opened directly (as the admin or ?sample= does): overlaps others
              item = review.item(id, sampleIds.get(random.nextInt(40))).orElseThrow();
            } else {
              item = seen.get(random.nextInt(seen.size())); // stale: shown a while ago
            }
            if (item == null) {
              continue;
            }
            seen.add(item);
            ReviewAction action = ReviewAction.values()[random.nextInt(3)];
            try {
              review.decide(item, action, random.nextInt(10));
              accepted.computeIfAbsent(item.sampleId(), k -> new AtomicInteger()).incrementAndGet();
              acceptedCount.incrementAndGet();
            } catch (DecisionConflictException e) {
              refused.incrementAndGet();
            } catch (Throwable e) {
              unexpected.add(e);
            }
          }
        });

    assertThat(unexpected).as("only conflicts may refuse a decision").isEmpty();
    assertThat(refused.get()).as("the race really happened").isGreaterThan(0);
    assertThat(accepted.values())
        .as("no sample decided twice")
        .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    Integer decided =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ? and status <> 'OPEN'",
            Integer.class,
            id);
    Integer auditRows =
        jdbc.queryForObject(
            "select count(*) from audit_entry where dataset_id = ?"
                + " and action in ('CONFIRM', 'CORRECT', 'EXCLUDE')",
            Integer.class,
            id);
    assertThat(acceptedCount.get())
        .isEqualTo(decided)
        .isEqualTo(auditRows)
        .isEqualTo(accepted.size());
    // the audit row of every decided sample names who the sample says decided it, and its label
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample s join audit_entry a on a.sample_id = s.id"
                    + " where s.dataset_id = ? and s.status <> 'OPEN'"
                    + " and a.actor = s.decided_by and a.new_label = s.current_label"
                    + " and a.new_status = s.status",
                Integer.class,
                id))
        .isEqualTo(decided);
    // one label change each: leases never bumped a version
    assertThat(
            jdbc.queryForList(
                "select distinct version from sample where dataset_id = ? and status <> 'OPEN'",
                Long.class,
                id))
        .containsExactly(1L);
    assertThat(
            jdbc.queryForList(
                "select distinct version from sample where dataset_id = ? and status = 'OPEN'",
                Long.class,
                id))
        .allMatch(v -> v == 0L);
  }

  /**
   * Half the reviewers decide one sample at a time (the review screen, a sample opened anew), the
   * other half decide selections of the same rows in bulk (the queue grid, as it showed them at the
   * start), all at once: whichever comes first decides a sample, the others are refused or skip it,
   * so each sample is decided once and has one audit row that names who the sample says decided it.
   */
  @Test
  void singleAndBulkDecisionsOnTheSameSamplesAtOnceDecideEachSampleOnce() throws Exception {
    Dataset dataset = rankedDataset("bulk-race");
    long id = dataset.getId();
    loginAs("grid", "ANNOTATOR");
    List<QueueRow> shown = grid.page(id, QueueFilter.none(), null, null, 60).rows();
    var one = new AtomicInteger();
    var inBulk = new AtomicInteger();
    var notTaken = new AtomicInteger();
    var unexpected = new CopyOnWriteArrayList<Throwable>();

    onThreads(
        thread -> {
          loginAs("mixed" + thread, "ANNOTATOR");
          var random = new Random(500 + thread);
          for (int i = 0; i < 15; i++) {
            try {
              if (thread % 2 == 0) {
                List<QueueRow> selection = new ArrayList<>(shown);
                Collections.shuffle(selection, random);
                BulkResult result =
                    bulk.decide(id, selection.subList(0, 8), ReviewAction.EXCLUDE, -1);
                inBulk.addAndGet(result.applied());
                notTaken.addAndGet(result.skipped());
              } else {
                long sampleId = shown.get(random.nextInt(shown.size())).sampleId();
                review.decide(review.item(id, sampleId).orElseThrow(), ReviewAction.CONFIRM, -1);
                one.incrementAndGet();
              }
            } catch (DecisionConflictException e) {
              notTaken.incrementAndGet();
            } catch (Throwable e) {
              unexpected.add(e);
            }
          }
        });

    assertThat(unexpected).as("only conflicts may refuse a decision").isEmpty();
    assertThat(notTaken.get()).as("the race really happened").isPositive();
    assertThat(one.get()).as("single decisions saved").isPositive();
    assertThat(inBulk.get()).as("bulk decisions saved").isPositive();
    Integer decided =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ? and status <> 'OPEN'",
            Integer.class,
            id);
    assertThat(one.get() + inBulk.get()).isEqualTo(decided);
    assertThat(
            jdbc.queryForList(
                "select count(*) from audit_entry where dataset_id = ?"
                    + " and action in ('CONFIRM', 'EXCLUDE') group by sample_id",
                Integer.class,
                id))
        .as("one audit row per decided sample")
        .hasSize(decided)
        .containsOnly(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample s join audit_entry a on a.sample_id = s.id"
                    + " where s.dataset_id = ? and s.status <> 'OPEN' and a.actor = s.decided_by"
                    + " and a.new_status = s.status and s.version = 1",
                Integer.class,
                id))
        .isEqualTo(decided);
  }

  /**
   * A retrain re-ranks the queue while a sample is on screen (the review screen keeps it there):
   * the decision taken on it afterwards goes to that sample, once, with the run and score it was
   * shown with, and the queue then offers what the new run ranks first.
   */
  @Test
  void aDecisionAfterARetrainReRankedTheQueueGoesToTheSampleOnScreen() {
    Dataset dataset = rankedDataset("rerank");
    long id = dataset.getId();
    loginAs("onscreen", "ANNOTATOR");
    QueueItem shown = review.next(id, Set.of()).orElseThrow();
    long newRun = rankAnew(id, 53);
    assertThat(newRun).isNotEqualTo(shown.runId());

    review.decide(shown, ReviewAction.CONFIRM, -1);

    assertThat(
            jdbc.queryForList(
                "select sample_id, action, run_id, score from audit_entry where dataset_id = ?",
                id))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .containsEntry("SAMPLE_ID", shown.sampleId())
                    .containsEntry("ACTION", "CONFIRM")
                    .containsEntry("RUN_ID", shown.runId())
                    .containsEntry("SCORE", shown.score()));
    assertThat(
            jdbc.queryForObject(
                "select status from sample where id = ?", String.class, shown.sampleId()))
        .isEqualTo("CONFIRMED");
    QueueItem next = review.next(id, Set.of()).orElseThrow();
    assertThat(next.runId()).isEqualTo(newRun);
    assertThat(score(next.sampleId())).isEqualTo((SAMPLES - 1) / 1000.0);
  }

  /**
   * Reviewers asking at the same moment claim different candidates before they lease (decision
   * 0042): none of them loses a lease to another after reading it, and between them they hold
   * exactly the most suspicious samples, so nobody was sent down the ranking by the rush.
   */
  @Test
  void reviewersAskingAtOnceLoseNoRaceAndTakeTheTopOfTheRanking() throws Exception {
    Dataset dataset = rankedDataset("spread");
    long id = dataset.getId();
    double lostBefore = leasesLost();
    var shown = new ConcurrentHashMap<Integer, Long>();
    onThreads(
        thread -> {
          loginAs("spreader" + thread, "ANNOTATOR");
          shown.put(thread, review.next(id, Set.of()).orElseThrow().sampleId());
        });
    assertThat(new HashSet<>(shown.values())).hasSize(THREADS);
    assertThat(leasesLost() - lostBefore).as("leases lost to another reviewer").isZero();
    List<Long> top =
        jdbc.queryForList(
            "select sc.sample_id from sample_score sc join dataset d on d.active_run_id = sc.run_id"
                + " where d.id = ? order by sc.score desc, sc.sample_id fetch first ? rows only",
            Long.class,
            id,
            THREADS);
    assertThat(shown.values()).containsExactlyInAnyOrderElementsOf(top);
  }

  /** An empty queue answers empty at once, not "busy", also while others hold the last leases. */
  @Test
  void anEmptyQueueAnswersEmptyNotBusy() {
    Dataset dataset = rankedDataset("empty");
    long id = dataset.getId();
    loginAs("holder", "ANNOTATOR");
    long held = review.next(id, Set.of()).orElseThrow().sampleId();
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'admin' where dataset_id = ? and id <> ?",
        id,
        held);
    loginAs("latecomer", "ANNOTATOR");
    assertThat(review.next(id, Set.of())).isEmpty();
    jdbc.update("update sample set status = 'CONFIRMED', decided_by = 'admin' where id = ?", held);
    loginAs("holder", "ANNOTATOR");
    assertThat(review.next(id, Set.of())).isEmpty();
  }

  private double leasesLost() {
    return meters.get("relabel.queue.leases.lost").counter().count();
  }

  @Test
  void twentyReviewersAskingAtOnceGetTwentyDifferentSamplesAndALapsedLeaseFreesOne()
      throws Exception {
    Dataset dataset = rankedDataset("leases");
    long id = dataset.getId();
    var shown = new ConcurrentHashMap<Integer, Long>();
    onThreads(
        thread -> {
          loginAs("leaser" + thread, "ANNOTATOR");
          shown.put(thread, review.next(id, Set.of()).orElseThrow().sampleId());
        });
    assertThat(shown).hasSize(THREADS);
    assertThat(new HashSet<>(shown.values())).hasSize(THREADS);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_lease where dataset_id = ?", Integer.class, id))
        .isEqualTo(THREADS);
    // asking again gives each reviewer the most suspicious sample free to them: their own, or one
    // ranked above it that a lost race in the rush left free (the queue never hands out a sample
    // someone else holds); either way they still hold exactly one lease
    loginAs("leaser0", "ANNOTATOR");
    long mine = shown.get(0);
    long first = review.next(id, Set.of()).orElseThrow().sampleId();
    if (first != mine) {
      assertThat(first).isNotIn(shown.values());
      assertThat(score(first)).isGreaterThanOrEqualTo(score(mine));
    }
    assertThat(
            jdbc.queryForList(
                "select sample_id from sample_lease where dataset_id = ? and leased_by = ?",
                Long.class,
                id,
                "leaser0"))
        .containsExactly(first);
    // peeking at the one after (to pre-load its image) leases nothing and keeps mine
    long peeked = review.peek(id, Set.of(first), ReviewService.ENSEMBLE).orElseThrow();
    var heldByOthers = new HashSet<>(shown.values());
    heldByOthers.remove(mine);
    assertThat(peeked).isNotEqualTo(first).isNotIn(heldByOthers);
    assertThat(review.leaseHolder(peeked)).isEmpty();
    assertThat(review.leaseHolder(first)).contains("leaser0");
    // a lease is not a label change
    assertThat(
            jdbc.queryForList(
                "select distinct version from sample where dataset_id = ?", Long.class, id))
        .containsExactly(0L);

    // someone else asks for the first reviewer's sample only: it is leased, so nothing
    Set<Long> allBut =
        new HashSet<>(
            jdbc.queryForList("select id from sample where dataset_id = ?", Long.class, id));
    allBut.remove(first);
    loginAs("latecomer", "ANNOTATOR");
    assertThat(review.next(id, allBut)).isEmpty();

    // the admin opening it directly neither takes nor breaks the lease
    loginAs("admin", "ADMIN");
    assertThat(review.item(id, first)).isPresent();
    assertThat(review.leaseHolder(first)).contains("leaser0");

    // the first reviewer walks away; once the lease has lapsed the sample is free again
    jdbc.update(
        "update sample_lease set expires_at = ? where sample_id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
        first);
    loginAs("latecomer", "ANNOTATOR");
    assertThat(review.next(id, allBut).orElseThrow().sampleId()).isEqualTo(first);
    assertThat(review.leaseHolder(first)).contains("latecomer");

    // a skip gives the lease up at once
    review.release(review.item(id, first).orElseThrow());
    assertThat(review.leaseHolder(first)).isEmpty();
    loginAs("leaser1", "ANNOTATOR");
    long second = shown.get(1);
    Set<Long> onlyFirst = new HashSet<>(allBut);
    onlyFirst.add(second);
    assertThat(review.next(id, onlyFirst).orElseThrow().sampleId()).isEqualTo(first);
    assertThat(review.leaseHolder(second)).as("one lease per reviewer and dataset").isEmpty();
  }

  @Test
  void oneReviewerInSeveralWindowsAskingAtOnceNeverDeadlocksAndKeepsOnlyTheLatestLease()
      throws Exception {
    Dataset dataset = rankedDataset("windows");
    long id = dataset.getId();
    var sampleIds = jdbc.queryForList("select id from sample where dataset_id = ?", Long.class, id);
    var unexpected = new CopyOnWriteArrayList<Throwable>();
    onThreads(
        thread -> {
          loginAs("windows" + (thread % 4), "ANNOTATOR"); // five windows per reviewer
          var random = new Random(300 + thread);
          for (int i = 0; i < 50; i++) {
            // each window skips a different random half, so the windows ask for different samples
            Set<Long> skipped = new HashSet<>();
            for (Long sample : sampleIds) {
              if (random.nextBoolean()) {
                skipped.add(sample);
              }
            }
            try {
              review.next(id, skipped);
            } catch (Throwable e) {
              unexpected.add(e);
            }
          }
        });
    assertThat(unexpected).isEmpty();
    for (int user = 0; user < 4; user++) {
      var expiries =
          jdbc.queryForList(
              "select expires_at from sample_lease where dataset_id = ? and leased_by = ?",
              java.sql.Timestamp.class,
              id,
              "windows" + user);
      assertThat(expiries).as("windows%d still holds a lease", user).isNotEmpty();
      // only the latest lease is left (two only when taken in the same microsecond)
      assertThat(new HashSet<>(expiries)).as("windows%d's leases", user).hasSize(1);
    }
  }

  @Test
  void consensusCountsEveryVoteOnceAndSendsDisagreementsToTheAdmin() throws Exception {
    Dataset dataset = rankedDataset("consensus");
    long id = dataset.getId();
    loginAs("anna", "ANNOTATOR");
    assertThatThrownBy(() -> policies.setRequiredReviews(id, 2))
        .isInstanceOf(AccessDeniedException.class);
    loginAs("admin", "ADMIN");
    assertThatThrownBy(() -> policies.setRequiredReviews(id, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 10");
    policies.setRequiredReviews(id, 2);
    assertThat(policies.requiredReviews(id)).isEqualTo(2);

    var outcomes = new ConcurrentHashMap<Decision.Outcome, AtomicInteger>();
    var refused = new AtomicInteger();
    var unexpected = new CopyOnWriteArrayList<Throwable>();
    var sampleIds =
        jdbc.queryForList(
            "select id from sample where dataset_id = ? order by sample_index", Long.class, id);
    onThreads(
        thread -> {
          loginAs("voter" + (thread % 10), "ANNOTATOR"); // two threads per voter: double votes
          var random = new Random(100 + thread);
          for (int i = 0; i < DECISIONS_PER_THREAD / 4; i++) {
            Optional<QueueItem> item =
                random.nextBoolean()
                    ? review.next(id, Set.of())
                    : review.item(id, sampleIds.get(random.nextInt(60)));
            if (item.isEmpty()) {
              continue;
            }
            // mostly agree: confirm; now and then correct to the suggestion
            boolean confirm = random.nextInt(5) > 0;
            try {
              Decision d =
                  review.record(
                      item.get(),
                      confirm ? ReviewAction.CONFIRM : ReviewAction.CORRECT,
                      (item.get().currentLabel() + 1) % 10);
              outcomes.computeIfAbsent(d.outcome(), k -> new AtomicInteger()).incrementAndGet();
            } catch (DecisionConflictException e) {
              refused.incrementAndGet();
            } catch (Throwable e) {
              unexpected.add(e);
            }
          }
        });
    assertThat(unexpected).isEmpty();
    assertThat(refused.get()).isGreaterThan(0);
    int voted = count(outcomes, Decision.Outcome.VOTED);
    int agreed = count(outcomes, Decision.Outcome.AGREED);
    int disputed = count(outcomes, Decision.Outcome.DISPUTED);
    assertThat(count(outcomes, Decision.Outcome.DECIDED)).isZero();
    assertThat(agreed).isPositive();
    assertThat(disputed).isPositive();

    Map<String, Integer> audit = new java.util.HashMap<>();
    jdbc.query(
        "select action, count(*) from audit_entry where dataset_id = ? group by action",
        rs -> {
          audit.put(rs.getString(1), rs.getInt(2));
        },
        id);
    assertThat(audit.get("VOTE")).isEqualTo(voted + agreed + disputed);
    assertThat(audit.get("CONSENSUS")).isEqualTo(agreed);
    assertThat(audit.get("DISPUTE")).isEqualTo(disputed);
    assertThat(audit).doesNotContainKeys("CONFIRM", "CORRECT", "EXCLUDE");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_vote where dataset_id = ?", Integer.class, id))
        .isEqualTo(voted + agreed + disputed);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample where dataset_id = ? and status in"
                    + " ('CONFIRMED', 'CORRECTED', 'EXCLUDED')",
                Integer.class,
                id))
        .isEqualTo(agreed);
    assertThat(disputes.count(id)).isEqualTo(disputed);
    // final samples: exactly two agreeing votes; open ones: at most one
    assertThat(
            jdbc.queryForList(
                "select count(*) from sample_vote v join sample s on s.id = v.sample_id"
                    + " where s.dataset_id = ? and s.status in ('CONFIRMED', 'CORRECTED')"
                    + " group by v.sample_id",
                Integer.class,
                id))
        .containsOnly(2);
    assertThat(
            jdbc.queryForList(
                "select count(*) from sample_vote v join sample s on s.id = v.sample_id"
                    + " where s.dataset_id = ? and s.status = 'OPEN' group by v.sample_id",
                Integer.class,
                id))
        .allMatch(n -> n == 1);

    // the admin sees the disputes with their votes and resolves one; a second try is refused
    loginAs("anna", "ANNOTATOR");
    assertThatThrownBy(() -> disputes.list(id, 0, 10)).isInstanceOf(AccessDeniedException.class);
    loginAs("admin", "ADMIN");
    List<Dispute> open = disputes.list(id, 0, 500);
    assertThat(open).hasSize(disputed);
    Dispute d = open.getFirst();
    assertThat(d.votes()).hasSize(2);
    assertThat(d.votes().get(0).agreesWith(d.votes().get(1))).isFalse();
    disputes.resolve(d.sampleId(), d.version(), ReviewAction.CORRECT, 3);
    assertThatThrownBy(() -> disputes.resolve(d.sampleId(), d.version(), ReviewAction.CONFIRM, -1))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("already decided by you");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where sample_id = ? and action = 'RESOLVE'"
                    + " and actor = 'admin' and new_label = 3 and old_status = 'DISPUTED'",
                Integer.class,
                d.sampleId()))
        .isOne();
    assertThat(disputes.count(id)).isEqualTo(disputed - 1);
  }

  @Test
  void aVoteCanBeWithdrawnAndTheUnanimousLabelIsFinal() {
    Dataset dataset = rankedDataset("undo-vote");
    long id = dataset.getId();
    loginAs("admin", "ADMIN");
    policies.setRequiredReviews(id, 2);

    loginAs("anna", "ANNOTATOR");
    QueueItem item = review.next(id, Set.of()).orElseThrow();
    Decision first = review.record(item, ReviewAction.CORRECT, (item.currentLabel() + 1) % 10);
    assertThat(first.outcome()).isEqualTo(Decision.Outcome.VOTED);
    assertThat(first.describe()).contains("1 of 2");
    assertThat(review.next(id, Set.of()).orElseThrow().sampleId())
        .as("no second vote from anna")
        .isNotEqualTo(item.sampleId());
    review.undo(item, first.sample().getVersion());
    assertThat(review.next(id, Set.of()).orElseThrow().sampleId()).isEqualTo(item.sampleId());
    review.record(item, ReviewAction.CONFIRM, -1);

    loginAs("ben", "ANNOTATOR");
    QueueItem same = review.next(id, Set.of()).orElseThrow();
    assertThat(same.sampleId()).isEqualTo(item.sampleId());
    Decision last = review.record(same, ReviewAction.CONFIRM, -1);
    assertThat(last.outcome()).isEqualTo(Decision.Outcome.AGREED);
    assertThat(last.sample().getDecidedBy()).isEqualTo("ben");

    loginAs("admin", "ADMIN");
    assertThat(
            jdbc.queryForList(
                "select action from audit_entry where sample_id = ? order by id",
                String.class,
                item.sampleId()))
        .containsExactly("VOTE", "UNDO", "VOTE", "VOTE", "CONSENSUS");
  }

  private static int count(Map<Decision.Outcome, AtomicInteger> outcomes, Decision.Outcome o) {
    return outcomes.getOrDefault(o, new AtomicInteger()).get();
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.review.QueueUpdates;
import com.relabel.review.ReviewService;
import com.relabel.training.MeasuredYields;
import com.relabel.training.RunComparisons;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TakeOver;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Decision 0026 through the real job engine and real (small) trainings on H2: a stronger run ranks
 * the queue, a much weaker one finishes without taking over (the reason stored, the open queues not
 * told, the stronger run's measured yield still counting the decisions made meanwhile), and an
 * admin's activation switches the queue to it exactly as a run taking over does.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:takeover;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class RunTakeOverFlowTest {

  @Autowired DatasetImporter importer;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired RunComparisons comparisons;
  @Autowired MeasuredYields yields;
  @Autowired QueueUpdates queueUpdates;
  @Autowired ReviewService review;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void aWeakerRunIsHeldBackWithItsReasonAndAnAdminsActivationSwitchesTheQueue() throws Exception {
    Dataset dataset =
        importer.importImages("takeover", TestDatasets.mnist(300), null, null, "test");
    long datasetId = dataset.getId();
    List<Long> told = new CopyOnWriteArrayList<>();
    Runnable unregister = queueUpdates.register(datasetId, done -> told.add(done.runId()));
    try {
      // a stronger run: 8 epochs of the MLP; the first run of the dataset takes over anyway
      TrainingRun strong =
          train(
              datasetId,
              RunSettings.builder()
                  .epochs(8)
                  .batchSize(32)
                  .seed(7)
                  .device(DeviceChoice.CPU)
                  .folds(0)
                  .model(ModelKind.MLP)
                  .build());
      assertThat(strong.getStatus()).as(strong.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(strong.getHeldBackReason()).isNull();
      assertThat(runs.rankingRunId(datasetId)).isEqualTo(strong.getId());
      awaitNotices(told, 1);
      assertThat(told).containsExactly(strong.getId());

      // a much weaker one: one epoch at a learning rate too small to learn anything
      TrainingRun weak =
          train(
              datasetId,
              RunSettings.builder()
                  .epochs(1)
                  .batchSize(32)
                  .learningRate(1e-7f)
                  .seed(7)
                  .device(DeviceChoice.CPU)
                  .folds(0)
                  .model(ModelKind.MLP)
                  .build());

      assertThat(weak.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(weak.getHeldOutAccuracy())
          .as("held-out accuracy of the weak run against the strong one's")
          .isLessThan(strong.getHeldOutAccuracy() - 0.3);
      assertThat(runs.rankingRunId(datasetId))
          .as("the queue keeps its ranking")
          .isEqualTo(strong.getId());
      assertThat(weak.getHeldBackReason())
          .startsWith(
              "held-out accuracy %.3f < active run #%d's %.3f"
                  .formatted(
                      weak.getHeldOutAccuracy(), strong.getId(), strong.getHeldOutAccuracy()));
      assertThat(
              jdbc.queryForObject(
                  "select held_back_reason from training_run where id = ?",
                  String.class,
                  weak.getId()))
          .isEqualTo(weak.getHeldBackReason());
      assertThat(told).as("open queues are not re-ranked").containsExactly(strong.getId());
      // the weak run is still compared with the run that ranks the queue
      assertThat(weak.storedComparison().orElseThrow().previousRunId()).isEqualTo(strong.getId());

      TestLogins.loginAs(securityContexts, "admin", "ADMIN");
      assertThat(review.peek(datasetId, List.of(), ReviewService.ENSEMBLE))
          .contains(top(strong.getId()));
      // a decision made now is in the strong run's queue: its window did not end with the weak
      // run's finish
      long decided = decideTop(strong.getId());
      assertThat(yields.of(runs.get(strong.getId())).orElseThrow().reviewed()).isEqualTo(1);
      assertThat(yields.of(runs.get(weak.getId()))).as("never ranked the queue").isEmpty();
      TakeOver measures = comparisons.againstRanking(weak.getId());
      assertThat(measures.worseOnHeldOut()).isTrue();
      assertThat(measures.takesOver()).isFalse();

      // an annotator may not activate a run; an admin may
      TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
      assertThatThrownBy(() -> runs.activate(weak.getId(), "anna"))
          .isInstanceOf(AccessDeniedException.class);
      TestLogins.loginAs(securityContexts, "admin", "ADMIN");
      runs.activate(weak.getId(), "admin");

      assertThat(runs.rankingRunId(datasetId)).isEqualTo(weak.getId());
      awaitNotices(told, 2);
      assertThat(told)
          .as("open queues re-ranked as by a run taking over")
          .containsExactly(strong.getId(), weak.getId());
      assertThat(review.peek(datasetId, List.of(decided), ReviewService.ENSEMBLE))
          .contains(topOpen(weak.getId()));
      assertThat(
              jdbc.queryForObject(
                  "select activated_by from run_activation where run_id = ?",
                  String.class,
                  weak.getId()))
          .isEqualTo("admin");
      assertThat(runs.get(weak.getId()).getHeldBackReason())
          .as("the reason is kept")
          .isEqualTo(weak.getHeldBackReason());
      assertThat(yields.of(runs.get(weak.getId())).orElseThrow().reviewed()).isZero();
      assertThat(yields.of(runs.get(strong.getId())).orElseThrow().reviewed()).isEqualTo(1);

      assertThatThrownBy(() -> runs.activate(weak.getId(), "admin"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already ranks the queue");
      // and back: the strong run again, by hand
      runs.activate(strong.getId(), "admin");
      assertThat(runs.rankingRunId(datasetId)).isEqualTo(strong.getId());
    } finally {
      unregister.run();
    }
  }

  private TrainingRun train(long datasetId, RunSettings settings) throws InterruptedException {
    TrainingRun run = runs.enqueue(datasetId, settings, "test");
    return RunWaits.finished(runs, run.getId(), Duration.ofMinutes(3));
  }

  /** The sample that heads run {@code runId}'s ranking. */
  private long top(long runId) {
    return jdbc.queryForObject(
        "select sample_id from sample_score where run_id = ? order by score desc, sample_id"
            + " fetch first 1 rows only",
        Long.class,
        runId);
  }

  /** The open sample that heads run {@code runId}'s ranking. */
  private long topOpen(long runId) {
    return jdbc.queryForObject(
        "select sc.sample_id from sample_score sc join sample s on s.id = sc.sample_id"
            + " where sc.run_id = ? and s.status = 'OPEN' order by sc.score desc, sc.sample_id"
            + " fetch first 1 rows only",
        Long.class,
        runId);
  }

  /** Confirms the head of run {@code runId}'s ranking now; returns its id. */
  private long decideTop(long runId) {
    long sampleId = top(runId);
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'admin', decided_at = ?"
            + " where id = ?",
        Timestamp.from(Instant.now()),
        sampleId);
    return sampleId;
  }

  /**
   * Waits (at most 10 s) until {@code count} queue notices arrived: they are delivered after the
   * run's transaction commits, on another thread, so they may trail the call that caused them.
   */
  private static void awaitNotices(List<Long> told, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (told.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}

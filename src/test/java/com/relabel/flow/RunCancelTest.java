package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.engine.DeviceChoice;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * An admin cancels a run: it stops within about a batch and the queue keeps its ranking; a run that
 * waits for another run's training lock ends at once, without training.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      // two job threads: a second run can wait for the process's training lock
      "relabel.jobs.threads=2"
    })
class RunCancelTest {

  @Autowired DatasetImporter importer;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void aCancelledRunStopsAndLeavesTheActiveRankingInPlace() throws Exception {
    Dataset dataset = importer.importImages("cancel", TestDatasets.mnist(200), null, null, "test");
    TrainingRun first =
        await(
            runs.enqueue(dataset.getId(), settings(1), "test").getId(),
            r -> !r.getStatus().isActive());
    assertThat(first.getStatus()).isEqualTo(RunStatus.SUCCEEDED);

    long second = runs.enqueue(dataset.getId(), settings(200), "test").getId();
    await(second, r -> r.getStatus() == RunStatus.RUNNING && r.getProgress() > 0);
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Instant asked = Instant.now();
    runs.cancel(second);
    TrainingRun cancelled = await(second, r -> !r.getStatus().isActive());

    assertThat(cancelled.getStatus()).isEqualTo(RunStatus.CANCELLED);
    assertThat(Duration.between(asked, cancelled.getFinishedAt()))
        .isLessThan(Duration.ofSeconds(20));
    assertThat(datasets.get(dataset.getId()).getActiveRunId()).isEqualTo(first.getId());
  }

  @Test
  void aRunWaitingForTheTrainingLockEndsAtOnceWhenCancelled() throws Exception {
    Dataset busy = importer.importImages("busy", TestDatasets.mnist(200), null, null, "test");
    Dataset waiting = importer.importImages("waiting", TestDatasets.mnist(100), null, null, "test");
    long longRun = runs.enqueue(busy.getId(), settings(200), "test").getId();
    await(longRun, r -> r.getStatus() == RunStatus.RUNNING && r.getProgress() > 0);

    long queuedBehind = runs.enqueue(waiting.getId(), settings(1), "test").getId();
    await(
        queuedBehind,
        r ->
            r.getStatus() == RunStatus.RUNNING
                && "waiting for another run in this process".equals(r.getPhase()));
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Instant asked = Instant.now();
    runs.cancel(queuedBehind);
    TrainingRun cancelled = await(queuedBehind, r -> !r.getStatus().isActive());

    assertThat(cancelled.getStatus()).isEqualTo(RunStatus.CANCELLED);
    assertThat(Duration.between(asked, cancelled.getFinishedAt()))
        .isLessThan(Duration.ofSeconds(5));
    assertThat(cancelled.getProgress()).isZero();
    assertThat(datasets.get(waiting.getId()).getActiveRunId()).isNull();
    // the long run still holds the lock: the cancel did not wait for it
    assertThat(runs.get(longRun).getStatus()).isEqualTo(RunStatus.RUNNING);

    runs.cancel(longRun);
    assertThat(await(longRun, r -> !r.getStatus().isActive()).getStatus())
        .isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void annotatorsCannotCancelOrRetrain() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> runs.cancel(1L)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> runs.retrain(1L, settings(1), "anna"))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static RunSettings settings(int epochs) {
    return RunSettings.builder()
        .epochs(epochs)
        .batchSize(16)
        .seed(1)
        .device(DeviceChoice.CPU)
        .build();
  }

  private TrainingRun await(long runId, Predicate<TrainingRun> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      TrainingRun run = runs.get(runId);
      if (done.test(run)) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + runId + " did not get there in time");
  }
}

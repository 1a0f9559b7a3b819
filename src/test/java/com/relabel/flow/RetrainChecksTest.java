package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.training.RunAlreadyActiveException;
import com.relabel.training.RunProgress;
import com.relabel.training.RunProgressEvents;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
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
 * The Retrain dialog's server checks: admins only, one active run per dataset, known methods; and a
 * real run (MLP) tells this node's progress bus every step up to its completion, with the
 * comparison stored on the run.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:retrain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class RetrainChecksTest {

  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;
  @Autowired RunProgressEvents progressEvents;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void anAnnotatorMayNotRetrain() {
    Dataset dataset = importer.importImages("annotator", TestDatasets.mnist(20), null, null, "t");
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> runs.retrain(dataset.getId(), settings(1, ModelKind.CNN), "anna"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(runs.history(dataset.getId())).isEmpty();
  }

  @Test
  void aSecondRunIsRefusedWhileOneIsQueuedOrRunning() {
    Dataset dataset = importer.importImages("busy", TestDatasets.mnist(20), null, null, "t");
    // a queued run without a job: it stays queued for as long as the test needs
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, folds, version,"
            + " cancel_requested) values (?, 'TRAINED', 'QUEUED', current_timestamp, 0, 0, false)",
        dataset.getId());
    long queued = runs.history(dataset.getId()).getFirst().getId();
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");

    assertThatThrownBy(() -> runs.retrain(dataset.getId(), settings(1, ModelKind.CNN), "admin"))
        .isInstanceOf(RunAlreadyActiveException.class)
        .hasMessageContaining("#" + queued)
        .hasMessageContaining("already queued or running");
    assertThat(runs.history(dataset.getId())).hasSize(1);
    assertThat(runs.activeRun(dataset.getId())).map(TrainingRun::getId).contains(queued);

    jdbc.update("update training_run set status = 'RUNNING' where id = ?", queued);
    assertThatThrownBy(() -> runs.retrain(dataset.getId(), settings(1, ModelKind.CNN), "admin"))
        .isInstanceOf(RunAlreadyActiveException.class);
  }

  @Test
  void unknownMethodsAndDatasetsAndBadSettingsAreRefusedClearly() {
    Dataset dataset = importer.importImages("checks", TestDatasets.mnist(20), null, null, "t");
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    var unknown =
        RunSettings.builder()
            .epochs(1)
            .batchSize(8)
            .seed(1)
            .device(DeviceChoice.CPU)
            .methods(List.of("loss", "astrology"))
            .folds(0)
            .build();
    assertThatThrownBy(() -> runs.retrain(dataset.getId(), unknown, "admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("astrology")
        .hasMessageContaining("known methods: loss,");
    assertThatThrownBy(() -> runs.retrain(987654L, settings(1, ModelKind.CNN), "admin"))
        .hasMessageContaining("no dataset 987654");
    assertThatThrownBy(
            () ->
                RunSettings.builder()
                    .epochs(1)
                    .batchSize(8)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .folds(1)
                    .build())
        .hasMessageContaining("folds must be 0 (none) or 2 to 20");
    assertThatThrownBy(
            () ->
                RunSettings.builder()
                    .epochs(1)
                    .batchSize(8)
                    .learningRate(0f)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .folds(0)
                    .build())
        .hasMessageContaining("learning rate must be positive");
    assertThat(runs.history(dataset.getId())).isEmpty();
    assertThat(TrainingRuns.methodNames()).contains("loss", "aum", "cl", "knn");
  }

  @Test
  void anMlpRunReportsItsProgressOnThisNodeAndStoresItsComparison() throws Exception {
    Dataset dataset = importer.importImages("mlp", TestDatasets.mnist(120), null, null, "t");
    List<RunProgress> heard = new CopyOnWriteArrayList<>();
    Runnable stop =
        progressEvents.subscribe(
            p -> {
              if (p.datasetId() == dataset.getId()) {
                heard.add(p);
              }
            });
    try {
      TestLogins.loginAs(securityContexts, "admin", "ADMIN");
      var mlp =
          RunSettings.builder()
              .epochs(2)
              .batchSize(16)
              .seed(1)
              .device(DeviceChoice.CPU)
              .methods(List.of("loss", "cl"))
              .folds(2)
              .build();
      long runId =
          runs.retrain(dataset.getId(), mlp.toBuilder().model(ModelKind.MLP).build(), "admin")
              .getId();
      TrainingRun done = await(runId);

      assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(done.getModel()).isEqualTo("mlp");
      assertThat(done.settings().model()).isEqualTo(ModelKind.MLP);
      assertThat(heard).isNotEmpty();
      assertThat(heard.getLast().status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(heard.getLast().progress()).isEqualTo(1.0);
      assertThat(heard.stream().map(RunProgress::phase))
          .anyMatch(p -> p != null && p.startsWith("training epoch"))
          .anyMatch(p -> p != null && p.startsWith("recording dynamics"))
          .anyMatch(p -> p != null && p.startsWith("training fold 2/2"));
      assertThat(done.storedComparison()).isPresent();
      assertThat(done.storedComparison().get().previousRunId()).isNull();
    } finally {
      stop.run();
    }
  }

  @Test
  void tickingAquavsTrainsTheVaeAndStoresItsScoresLikeEveryMethod() throws Exception {
    Dataset dataset = importer.importImages("aquavs", TestDatasets.mnist(120), null, null, "t");
    List<RunProgress> heard = new CopyOnWriteArrayList<>();
    Runnable stop =
        progressEvents.subscribe(
            p -> {
              if (p.datasetId() == dataset.getId()) {
                heard.add(p);
              }
            });
    try {
      TestLogins.loginAs(securityContexts, "admin", "ADMIN");
      var settings =
          RunSettings.builder()
              .epochs(1)
              .batchSize(16)
              .seed(1)
              .device(DeviceChoice.CPU)
              .methods(List.of("loss", "aquavs"))
              .folds(0)
              .build();
      long runId = runs.retrain(dataset.getId(), settings, "admin").getId();
      TrainingRun done = await(runId);

      assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(done.settings().methods()).containsExactly("loss", "aquavs");
      assertThat(heard.stream().map(RunProgress::phase))
          .anyMatch(p -> p != null && p.startsWith("training the latent space"));
      assertThat(
              jdbc.queryForList(
                  "select method from method_score where run_id = ? group by method"
                      + " order by method",
                  String.class,
                  runId))
          .containsExactly("aquavs", "loss");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from method_score where run_id = ? and method = 'aquavs'",
                  Integer.class,
                  runId))
          .isEqualTo(120);
    } finally {
      stop.run();
    }
  }

  private static RunSettings settings(int epochs, ModelKind model) {
    return RunSettings.builder()
        .epochs(epochs)
        .batchSize(16)
        .seed(1)
        .device(DeviceChoice.CPU)
        .model(model)
        .build();
  }

  private TrainingRun await(long runId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      TrainingRun run = runs.get(runId);
      if (!run.getStatus().isActive()) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + runId + " did not finish in time");
  }
}

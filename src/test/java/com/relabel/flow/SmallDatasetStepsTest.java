package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.SyntheticTable;
import com.relabel.dataset.TableImport;
import com.relabel.dataset.TableOptions;
import com.relabel.engine.DeviceChoice;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A run of a small dataset, however it was started, trains with the minimum-steps rule
 * (relabel.training.min-steps, MinimumSteps): more epochs and a smaller batch than asked, and the
 * run shows what it trained with.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:minsteps;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.training.min-steps=60"
    })
class SmallDatasetStepsTest {

  @Autowired TableImport tables;
  @Autowired TrainingRuns runs;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void aRetrainOfASmallTableTrainsEnoughStepsAndShowsThem() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path file = SyntheticTable.generate(100, 0.1, 3).write(dir.resolve("small.csv"));
    Dataset d =
        tables.importFile("small", file, "small.csv", new TableOptions("label", "id", Set.of()));
    var asked =
        RunSettings.builder().epochs(2).batchSize(64).seed(7).device(DeviceChoice.CPU).build();

    long runId = runs.retrain(d.getId(), asked, "admin").getId();
    TrainingRun done = RunWaits.finished(runs, runId, Duration.ofSeconds(240));

    assertThat(done.getStatus()).as(done.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    // 100 rows at batch 32 are 4 steps an epoch: 60 steps take 15 epochs instead of 2 of batch 64
    assertThat(done.getBatchSize()).isEqualTo(32);
    assertThat(done.getEpochs()).isEqualTo(15);
    assertThat(done.getCurrentEpoch()).isEqualTo(15);
    // what was asked is kept beside it (decision 0051), and a retrain starts from it
    assertThat(done.getSetup().getEpochs()).isEqualTo(2);
    assertThat(done.getSetup().getBatchSize()).isEqualTo(64);
    assertThat(done.settings().epochs()).isEqualTo(2);
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.review.AumCutoffVerdict;
import com.relabel.review.SampleInsights;
import com.relabel.scoring.NoiseInjector;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A run with the AUM threshold pass (real job engine, small DJL training) stores its cut-off and
 * flagged count on the run row (what the runs view shows) and, per sample, whether it is below the
 * cut-off (what the review view shows). Subclasses choose the database.
 */
abstract class AumThresholdFlowTest {

  static final int SAMPLES = 200;

  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;
  @Autowired SampleInsights insights;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void aRunWithThePassStoresItsCutoffAndEverySamplesVerdict() throws InterruptedException {
    LabeledImages clean = TestDatasets.mnist(SAMPLES);
    var noise = NoiseInjector.symmetric(clean.labels(), 10, 0.2, 5);
    Dataset dataset =
        importer.importImages(
            "aum-" + getClass().getSimpleName(),
            clean.withLabels(noise.noisy()),
            null,
            clean.labels(),
            "test");
    var settings =
        RunSettings.builder()
            .epochs(2)
            .batchSize(32)
            .seed(3)
            .device(DeviceChoice.CPU)
            .folds(0)
            .model(ModelKind.CNN)
            .aumThresholdPass(true)
            .build();
    var queued = runs.enqueue(dataset.getId(), settings, "test");
    assertThat(queued.getSetup().isAumThresholdPass()).isTrue();
    TrainingRun run = RunWaits.finished(runs, queued.getId(), Duration.ofMinutes(3));

    assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.settings().aumThresholdPass()).isTrue();
    assertThat(run.getOutcome().getAumCutoff()).isNotNull().isFinite();
    assertThat(run.getOutcome().getAumThresholdSamples()).isEqualTo(SAMPLES / 11);
    Integer below =
        jdbc.queryForObject(
            "select count(*) from sample_score where run_id = ? and aum_below_cutoff = true",
            Integer.class,
            run.getId());
    Integer judged =
        jdbc.queryForObject(
            "select count(*) from sample_score where run_id = ? and aum_below_cutoff is not null",
            Integer.class,
            run.getId());
    assertThat(judged).isEqualTo(SAMPLES);
    assertThat(run.getOutcome().getAumFlaggedCount()).isEqualTo(below).isPositive();
    assertThat(runs.history(dataset.getId()).getFirst().getOutcome().getAumFlaggedCount())
        .isEqualTo(below);

    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    for (boolean flagged : new boolean[] {true, false}) {
      Long sampleId =
          jdbc.queryForObject(
              "select min(sample_id) from sample_score where run_id = ? and aum_below_cutoff = ?",
              Long.class,
              run.getId(),
              flagged);
      Optional<AumCutoffVerdict> verdict = insights.aumCutoff(run.getId(), sampleId);
      assertThat(verdict).contains(new AumCutoffVerdict(run.getOutcome().getAumCutoff(), flagged));
    }
    assertThat(insights.aumCutoff(run.getId(), -1)).isEmpty();
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.audit.AuditEntry;
import com.relabel.audit.AuditFilter;
import com.relabel.audit.AuditTrail;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.DeviceChoice;
import com.relabel.export.LabelExport;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.scoring.NoiseInjector;
import com.relabel.scoring.NoisyLabels;
import com.relabel.training.EnsembleRefit;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The spine on a real database, through the real job engine and a real (small) DJL training:
 * import, train, rank, decide, audit, export. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewFlowTest {

  static final int SAMPLES = 300;

  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;
  @Autowired ReviewService review;
  @Autowired AuditTrail audit;
  @Autowired LabelExport export;
  @Autowired JdbcTemplate jdbc;
  @Autowired EnsembleRefit refit;
  @Autowired SecurityContextHolderStrategy securityContexts;

  Dataset dataset;
  NoisyLabels noise;
  TrainingRun run;

  @BeforeAll
  void importAndTrain() throws InterruptedException {
    LabeledImages clean = TestDatasets.mnist(SAMPLES);
    noise = NoiseInjector.symmetric(clean.labels(), 10, 0.2, 7);
    dataset =
        importer.importImages(
            "flow-" + getClass().getSimpleName(),
            clean.withLabels(noise.noisy()),
            null,
            clean.labels(),
            "test");
    var queued =
        runs.enqueue(
            dataset.getId(),
            RunSettings.builder().epochs(3).batchSize(32).seed(1).device(DeviceChoice.CPU).build(),
            "test");
    run = RunWaits.finished(runs, queued.getId(), Duration.ofMinutes(3));
  }

  @AfterEach
  void logoutAndEndLeases() {
    TestLogins.logout(securityContexts);
    // every test starts with a free queue: a lease left by one would hide its sample from the next
    jdbc.update("delete from sample_lease");
  }

  void loginAs(String user, String role) {
    TestLogins.loginAs(securityContexts, user, role);
  }

  @Test
  void theJobEngineRanTheRunAndRecordedCompleteDynamics() {
    assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.getDeviceUsed()).isEqualTo("cpu");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from run_epoch where run_id = ?", Integer.class, run.getId()))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_score where run_id = ?", Integer.class, run.getId()))
        .isEqualTo(SAMPLES);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct method) from method_score where run_id = ?",
                Integer.class,
                run.getId()))
        .isGreaterThanOrEqualTo(4);
    assertThat(run.getEvaluation()).contains("ensemble: AUROC");
  }

  @Test
  void aSampleNumberIsResolvedWithinItsDatasetByItsIndex() {
    loginAs("anna", "ANNOTATOR");
    for (int index : new int[] {0, 1, 42, SAMPLES - 1}) {
      long id =
          jdbc.queryForObject(
              "select id from sample where dataset_id = ? and sample_index = ?",
              Long.class,
              dataset.getId(),
              index);
      assertThat(review.sampleIdAt(dataset.getId(), index)).contains(id);
      assertThat(review.item(dataset.getId(), id).orElseThrow().sampleIndex()).isEqualTo(index);
    }
    assertThat(review.sampleIdAt(dataset.getId(), SAMPLES)).isEmpty();
    assertThat(review.sampleIdAt(dataset.getId(), -1)).isEmpty();
    assertThat(review.sampleIdAt(-1, 0)).isEmpty();
  }

  @Test
  void theQueueShowsTheMostSuspiciousOpenSampleFirst() {
    loginAs("anna", "ANNOTATOR");
    QueueItem first = review.next(dataset.getId(), Set.of()).orElseThrow();
    Double max =
        jdbc.queryForObject(
            "select max(sc.score) from sample_score sc join sample s on s.id = sc.sample_id"
                + " where sc.run_id = ? and s.status = 'OPEN'",
            Double.class,
            run.getId());
    assertThat(first.score()).isEqualTo(max);
    QueueItem second = review.next(dataset.getId(), Set.of(first.sampleId())).orElseThrow();
    assertThat(second.sampleId()).isNotEqualTo(first.sampleId());
    assertThat(second.score()).isLessThanOrEqualTo(first.score());
  }

  @Test
  void aCorrectionChangesTheLabelWritesOneAuditRowAndShowsInTheExport() {
    loginAs("anna", "ANNOTATOR");
    QueueItem item = review.next(dataset.getId(), Set.of()).orElseThrow();
    int newLabel = (item.currentLabel() + 1) % 10;
    review.decide(item, ReviewAction.CORRECT, newLabel);

    // a second reviewer who saw the same sample before the decision is refused, nothing changes
    loginAs("ben", "ANNOTATOR");
    assertThatThrownBy(() -> review.decide(item, ReviewAction.CONFIRM, -1))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("already decided by anna");
    assertThat(review.next(dataset.getId(), Set.of()).orElseThrow().sampleId())
        .isNotEqualTo(item.sampleId());

    loginAs("admin", "ADMIN");
    List<AuditEntry> rows = audit.forSample(item.sampleId());
    assertThat(rows).hasSize(1);
    AuditEntry row = rows.getFirst();
    assertThat(row.getActor()).isEqualTo("anna");
    assertThat(row.getAction()).isEqualTo("CORRECT");
    assertThat(row.getOldLabel()).isEqualTo(item.currentLabel());
    assertThat(row.getNewLabel()).isEqualTo(newLabel);
    assertThat(row.getRunId()).isEqualTo(run.getId());
    assertThat(row.getScore()).isEqualTo(item.score());

    var csv = new StringWriter();
    export.writeCsv(dataset.getId(), csv);
    String[] lines = csv.toString().split("\n");
    assertThat(lines).hasSize(SAMPLES + 1);
    assertThat(lines[0])
        .isEqualTo("sample_index,original_label,current_label,status,decided_by,decided_at,score");
    assertThat(lines[item.sampleIndex() + 1])
        .startsWith(
            item.sampleIndex() + "," + item.originalLabel() + "," + newLabel + ",CORRECTED,anna,");
  }

  @Test
  void annotatorsCannotReadTheAuditTrailOrExport() {
    loginAs("anna", "ANNOTATOR");
    assertThatThrownBy(() -> audit.page(AuditFilter.none(), 0, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> export.writeCsv(dataset.getId(), new StringWriter()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aRunCannotStartWhileAnotherIsActiveForTheDataset() {
    jdbc.update("update training_run set status = 'RUNNING' where id = ?", run.getId());
    try {
      assertThatThrownBy(
              () ->
                  runs.enqueue(
                      dataset.getId(),
                      RunSettings.builder()
                          .epochs(1)
                          .batchSize(32)
                          .seed(1)
                          .device(DeviceChoice.CPU)
                          .build(),
                      "test"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already queued or running");
    } finally {
      jdbc.update("update training_run set status = 'SUCCEEDED' where id = ?", run.getId());
    }
  }

  @Test
  void aReviewerCanUndoTheirOwnLastDecisionButNotSomeoneElses() {
    loginAs("anna", "ANNOTATOR");
    QueueItem item = review.next(dataset.getId(), Set.of()).orElseThrow();
    long after = review.decide(item, ReviewAction.EXCLUDE, -1).getVersion();

    loginAs("ben", "ANNOTATOR");
    assertThatThrownBy(() -> review.undo(item, after))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("nothing was undone");

    loginAs("anna", "ANNOTATOR");
    review.undo(item, after);
    QueueItem again = review.item(dataset.getId(), item.sampleId()).orElseThrow();
    assertThat(again.currentLabel()).isEqualTo(item.currentLabel());
    assertThat(review.next(dataset.getId(), Set.of()).orElseThrow().sampleId())
        .isEqualTo(item.sampleId());
    assertThatThrownBy(() -> review.undo(item, after))
        .isInstanceOf(DecisionConflictException.class);

    loginAs("admin", "ADMIN");
    assertThat(audit.forSample(item.sampleId()))
        .extracting(AuditEntry::getAction)
        .containsExactly("EXCLUDE", "UNDO");
  }

  @Test
  void theQueueCanBeRankedByAnySingleMethod() {
    loginAs("anna", "ANNOTATOR");
    assertThat(review.rankingMethods(dataset.getId()))
        .startsWith("ensemble")
        .contains("loss", "confidence", "correctness", "aum");
    QueueItem byLoss = review.next(dataset.getId(), Set.of(), "loss").orElseThrow();
    Double maxLoss =
        jdbc.queryForObject(
            "select max(ms.score) from method_score ms join sample s on s.id = ms.sample_id"
                + " where ms.run_id = ? and ms.method = 'loss' and s.status = 'OPEN'",
            Double.class,
            run.getId());
    Double chosen =
        jdbc.queryForObject(
            "select score from method_score where run_id = ? and method = 'loss' and sample_id = ?",
            Double.class,
            run.getId(),
            byLoss.sampleId());
    assertThat(chosen).isEqualTo(maxLoss);
  }

  @Test
  void reviewersDecisionsReweightTheEnsembleAndReRankTheQueue() {
    loginAs("anna", "ANNOTATOR");
    int wrong = 0;
    int right = 0;
    for (int i = 0; i < SAMPLES && (wrong < 8 || right < 8); i++) {
      boolean flipped = noise.flipped()[i];
      if ((flipped && wrong >= 8) || (!flipped && right >= 8)) {
        continue;
      }
      long id =
          jdbc.queryForObject(
              "select id from sample where dataset_id = ? and sample_index = ? and status = 'OPEN'",
              Long.class,
              dataset.getId(),
              i);
      QueueItem item = review.item(dataset.getId(), id).orElseThrow();
      if (flipped) {
        review.decide(item, ReviewAction.CORRECT, (item.currentLabel() + 1) % 10);
        wrong++;
      } else {
        review.decide(item, ReviewAction.CONFIRM, -1);
        right++;
      }
    }
    List<Double> before =
        jdbc.queryForList(
            "select score from sample_score where run_id = ? order by sample_id",
            Double.class,
            run.getId());

    loginAs("admin", "ADMIN");
    EnsembleRefit.Outcome outcome = refit.refit(dataset.getId());

    assertThat(outcome.reviews()).isGreaterThanOrEqualTo(16);
    assertThat(outcome.fitted()).isTrue();
    assertThat(outcome.weights()).containsKeys("loss", "aum", "knn");
    assertThat(outcome.weights().values()).anyMatch(w -> w > 0);
    List<Double> after =
        jdbc.queryForList(
            "select score from sample_score where run_id = ? order by sample_id",
            Double.class,
            run.getId());
    assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
    assertThat(runs.get(run.getId()).getOutcome().getMethodWeights()).contains("loss=");

    loginAs("anna", "ANNOTATOR");
    assertThatThrownBy(() -> refit.refit(dataset.getId()))
        .isInstanceOf(AccessDeniedException.class);
  }
}

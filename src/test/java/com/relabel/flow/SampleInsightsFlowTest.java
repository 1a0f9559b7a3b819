package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.SampleStatus;
import com.relabel.engine.DeviceChoice;
import com.relabel.review.AnnotatorDay;
import com.relabel.review.ClassProbability;
import com.relabel.review.ErrorEstimate;
import com.relabel.review.MethodVerdict;
import com.relabel.review.Neighbour;
import com.relabel.review.PastDecision;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewProgress;
import com.relabel.review.ReviewService;
import com.relabel.review.SampleInsights;
import com.relabel.review.SampleIssue;
import com.relabel.review.SampleIssues;
import com.relabel.scoring.EmbeddingIssues;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.NoiseInjector;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * What the review view shows beside a sample, read from a real run (real job engine, small DJL
 * training): the top probabilities, each method's verdict, the nearest neighbours stored at scoring
 * time, the sample's history from the audit trail, and the progress figures. Subclasses choose the
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleInsightsFlowTest {

  static final int SAMPLES = 200;

  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;
  @Autowired ReviewService review;
  @Autowired SampleInsights insights;
  @Autowired SampleIssues issues;
  @Autowired ReviewProgress progress;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  Dataset dataset;
  TrainingRun run;
  long[] sampleIds;

  @BeforeAll
  void importAndTrain() throws InterruptedException {
    LabeledImages clean = TestDatasets.mnist(SAMPLES);
    var noise = NoiseInjector.symmetric(clean.labels(), 10, 0.2, 11);
    dataset =
        importer.importImages(
            "insights-" + getClass().getSimpleName(),
            clean.withLabels(noise.noisy()),
            null,
            clean.labels(),
            "test");
    var queued =
        runs.enqueue(
            dataset.getId(),
            RunSettings.builder().epochs(2).batchSize(32).seed(0).device(DeviceChoice.CPU).build(),
            "test");
    run = RunWaits.finished(runs, queued.getId(), Duration.ofMinutes(3));
    assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    sampleIds = longs(artifact("sample_ids"));
  }

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void theTopThreeAreTheLargestOfTheSamplesOwnRowOfFinalProbabilities() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    float[] all = floats(artifact("final_probabilities"));
    for (int row : new int[] {0, 17, SAMPLES - 1}) {
      float[] own = Arrays.copyOfRange(all, row * 10, row * 10 + 10);
      List<ClassProbability> top = insights.topProbabilities(run.getId(), sampleIds[row], 3);
      assertThat(top).hasSize(3);
      float[] sorted = own.clone();
      Arrays.sort(sorted);
      assertThat(top.get(0).probability()).isEqualTo(sorted[9]);
      assertThat(top.get(1).probability()).isEqualTo(sorted[8]);
      assertThat(top.get(2).probability()).isEqualTo(sorted[7]);
      assertThat(own[top.get(0).label()]).isEqualTo(sorted[9]);
    }
    assertThat(insights.topProbabilities(run.getId(), -5, 3)).isEmpty();
  }

  @Test
  void neighboursAreTheExactNearestByEmbeddingStoredAtScoringTime() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    float[][] embeddings = embeddings();
    int[][] expected = Neighbours.search(embeddings, 8, 1).indices();
    for (int row : new int[] {0, 42, SAMPLES - 1}) {
      List<Neighbour> near = insights.neighbours(run.getId(), sampleIds[row], 8);
      assertThat(near.stream().map(Neighbour::sampleId).toList())
          .containsExactlyElementsOf(
              Arrays.stream(expected[row]).mapToObj(p -> sampleIds[p]).toList());
      for (Neighbour n : near) {
        assertThat(n.label())
            .isEqualTo(
                jdbc.queryForObject(
                    "select current_label from sample where id = ?", Integer.class, n.sampleId()));
      }
    }
  }

  @Test
  void verdictsGiveEveryMethodsScoreAndRank() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    QueueItem item = review.next(dataset.getId(), Set.of()).orElseThrow();
    List<MethodVerdict> verdicts =
        insights.verdicts(run.getId(), item.sampleId(), item.flaggedBy());
    assertThat(verdicts)
        .hasSize(
            jdbc.queryForObject(
                "select count(distinct method) from method_score where run_id = ?",
                Integer.class,
                run.getId()));
    for (MethodVerdict v : verdicts) {
      long higher =
          jdbc.queryForObject(
              "select count(*) from method_score where run_id = ? and method = ? and score > ?",
              Long.class,
              run.getId(),
              v.method(),
              v.score());
      assertThat(v.rank()).isEqualTo(higher + 1);
      assertThat(v.flagged()).isEqualTo(item.flaggedBy().contains(v.method()));
    }
  }

  @Test
  void theHistoryShowsADecisionAndItsUndo() {
    TestLogins.loginAs(securityContexts, "hugo", "ANNOTATOR");
    QueueItem item = review.next(dataset.getId(), Set.of()).orElseThrow();
    int to = (item.currentLabel() + 3) % 10;
    long after = review.decide(item, ReviewAction.CORRECT, to).getVersion();
    assertThat(insights.state(item.sampleId()).status()).isEqualTo(SampleStatus.CORRECTED);
    review.undo(item, after);

    List<PastDecision> history = insights.history(item.sampleId());
    assertThat(history).extracting(PastDecision::action).containsExactly("CORRECT", "UNDO");
    assertThat(history.get(0).actor()).isEqualTo("hugo");
    assertThat(history.get(0).oldLabel()).isEqualTo(item.currentLabel());
    assertThat(history.get(0).newLabel()).isEqualTo(to);
    assertThat(history.get(1).newLabel()).isEqualTo(item.currentLabel());
    assertThat(insights.state(item.sampleId()).isOpen()).isTrue();
  }

  @Test
  void progressCountsStandingDecisionsPerAnnotatorPerDayAndTheErrorsLeft() {
    Instant start = Instant.now().minusSeconds(5);
    TestLogins.loginAs(securityContexts, "pia", "ANNOTATOR");
    Set<Long> skipped = new HashSet<>();
    QueueItem a = review.next(dataset.getId(), skipped).orElseThrow();
    review.decide(a, ReviewAction.CORRECT, (a.currentLabel() + 1) % 10);
    QueueItem b = review.next(dataset.getId(), skipped).orElseThrow();
    review.decide(b, ReviewAction.CONFIRM, -1);
    QueueItem c = review.next(dataset.getId(), skipped).orElseThrow();
    long undone = review.decide(c, ReviewAction.EXCLUDE, -1).getVersion();
    review.undo(c, undone);
    TestLogins.loginAs(securityContexts, "quinn", "ANNOTATOR");
    QueueItem d = review.next(dataset.getId(), skipped).orElseThrow();
    review.decide(d, ReviewAction.CORRECT, (d.currentLabel() + 2) % 10);

    List<AnnotatorDay> days = progress.perAnnotatorPerDay(dataset.getId(), start);
    LocalDate today = LocalDate.now(ZoneId.systemDefault());
    assertThat(days).contains(new AnnotatorDay("pia", today, 2, 1));
    assertThat(days).contains(new AnnotatorDay("quinn", today, 1, 1));

    ErrorEstimate left = progress.errorsLeft(dataset.getId()).orElseThrow();
    long fixed =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ?"
                + " and status in ('CORRECTED', 'EXCLUDED')",
            Long.class,
            dataset.getId());
    assertThat(left.runId()).isEqualTo(run.getId());
    assertThat(left.estimatedAtRun()).isEqualTo(run.getEstimatedErrors());
    assertThat(left.fixedSince()).isEqualTo(fixed).isGreaterThanOrEqualTo(2);
    assertThat(left.estimatedLeft())
        .isEqualTo(Math.max(0, run.getEstimatedErrors() - fixed))
        .isLessThan(run.getEstimatedErrors());
  }

  @Test
  void nobodyReadsInsightsWithoutLoggingIn() {
    assertThatThrownBy(() -> insights.history(sampleIds[0]))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    assertThatThrownBy(() -> progress.errorsLeft(dataset.getId()))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
  }

  /**
   * The run stored exactly the near-duplicates and outliers that {@link EmbeddingIssues} finds in
   * its embeddings with the labels it trained on (decision 0043), and the review reads them back.
   */
  @Test
  void issuesAreTheNearDuplicatesAndOutliersOfTheStoredEmbeddings() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    int[] labels = new int[SAMPLES];
    for (int row = 0; row < SAMPLES; row++) {
      labels[row] =
          jdbc.queryForObject(
              "select original_label from sample where id = ?", Integer.class, sampleIds[row]);
    }
    float[][] embeddings = embeddings();
    var found =
        EmbeddingIssues.find(
            embeddings, labels, 10, Neighbours.search(embeddings, Neighbours.DEFAULT_K, 1));
    assertThat(found.outliers()).as("outliers among %d samples", SAMPLES).isNotEmpty();
    assertThat(
            jdbc.queryForList(
                "select sample_id from sample_issue where run_id = ? and kind = 'OUTLIER'",
                Long.class,
                run.getId()))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(found.outliers()).mapToObj(r -> sampleIds[r]).toList());
    List<String> pairs = new ArrayList<>();
    for (var pair : found.nearDuplicates()) {
      pairs.add(sampleIds[pair.first()] + "-" + sampleIds[pair.second()]);
      pairs.add(sampleIds[pair.second()] + "-" + sampleIds[pair.first()]);
    }
    assertThat(
            jdbc.queryForList(
                "select sample_id || '-' || other_sample_id from sample_issue"
                    + " where run_id = ? and kind = 'NEAR_DUPLICATE'",
                String.class,
                run.getId()))
        .containsExactlyInAnyOrderElementsOf(pairs);
    long outlier = sampleIds[found.outliers()[0]];
    assertThat(issues.of(run.getId(), outlier))
        .extracting(SampleIssue::kind)
        .startsWith(SampleIssue.Kind.OUTLIER);
  }

  private float[][] embeddings() {
    int dim =
        jdbc.queryForObject(
            "select cols_count from run_artifact where run_id = ? and name = 'embeddings'",
            Integer.class,
            run.getId());
    float[] flat = floats(artifact("embeddings"));
    float[][] embeddings = new float[SAMPLES][];
    for (int i = 0; i < SAMPLES; i++) {
      embeddings[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
    }
    return embeddings;
  }

  private byte[] artifact(String name) {
    return jdbc.queryForObject(
        "select data from run_artifact where run_id = ? and name = ?",
        byte[].class,
        run.getId(),
        name);
  }

  private static long[] longs(byte[] bytes) {
    long[] out = new long[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
    return out;
  }

  private static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}

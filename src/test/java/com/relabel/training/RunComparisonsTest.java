package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.engine.DeviceChoice;
import com.relabel.flow.TestDatasets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run comparison, the score histogram and the confusion matrix on hand-made scores of 10
 * samples, whose figures are known exactly.
 */
@SpringBootTest(
    properties =
        "spring.datasource.url=jdbc:h2:mem:comparisons;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class RunComparisonsTest {

  @Autowired DatasetImporter importer;
  @Autowired RunComparisons comparisons;
  @Autowired RunCharts charts;
  @Autowired TrainingRunRepository runs;
  @Autowired JdbcTemplate jdbc;

  long datasetId;
  long[] sampleIds;

  @BeforeEach
  void tenSamples() {
    Dataset dataset =
        importer.importImages(
            "compare-" + java.util.UUID.randomUUID(), TestDatasets.mnist(10), null, null, "test");
    datasetId = dataset.getId();
    sampleIds =
        jdbc
            .queryForList(
                "select id from sample where dataset_id = ? order by sample_index",
                Long.class,
                datasetId)
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
  }

  @Test
  void movesInAndOutOfTheTopAndAgreementWithEarlierCorrectionsAreCounted() {
    Instant runStart = Instant.parse("2026-01-02T00:00:00Z");
    // run A ranks samples 0..9 in order (0 most suspicious), run B ranks 9..0
    long a = run(3, runStart.minusSeconds(3600));
    long b = run(3, runStart);
    for (int i = 0; i < 10; i++) {
      score(a, i, 10 - i, 0);
      score(b, i, i, i < 2 ? 7 : 0);
    }
    // samples 0 and 1 corrected to 7 before B started (B suggests 7: agrees); sample 2 corrected
    // to 5 before (B suggests 0: disagrees); sample 3 corrected after B started: not counted
    correct(0, 7, runStart.minusSeconds(60));
    correct(1, 7, runStart.minusSeconds(60));
    correct(2, 5, runStart.minusSeconds(60));
    correct(3, 7, runStart.plusSeconds(60));

    RunComparison c = comparisons.compare(b, a);

    // top 3 of B: samples 9, 8, 7; of A: 0, 1, 2 -> 3 in, 3 out
    assertThat(c.topK()).isEqualTo(3);
    assertThat(c.movedIntoTop()).isEqualTo(3);
    assertThat(c.movedOutOfTop()).isEqualTo(3);
    assertThat(c.correctionsBefore()).isEqualTo(3);
    assertThat(c.correctionsAgreed()).isEqualTo(2);
    assertThat(comparisons.compare(b, b).movedIntoTop()).isZero();
    assertThat(comparisons.compare(b, null).movedIntoTop()).isEqualTo(3);
  }

  @Test
  void theTopIsAThousandWhenNoErrorsWereEstimatedAndAtMostTheScoredSamples() {
    long a = run(0, Instant.now());
    for (int i = 0; i < 10; i++) {
      score(a, i, i, 0);
    }
    assertThat(comparisons.compare(a, null).topK()).isEqualTo(10);
  }

  @Test
  void theComparisonIsStoredOnTheRun() {
    long a = run(2, Instant.now());
    for (int i = 0; i < 10; i++) {
      score(a, i, i, 0);
    }
    TrainingRun run = runs.findById(a).orElseThrow();
    comparisons.recordOnCompletion(run, null);
    runs.saveAndFlush(run);
    RunComparison stored = runs.findById(a).orElseThrow().storedComparison().orElseThrow();
    assertThat(stored.topK()).isEqualTo(2);
    assertThat(stored.movedIntoTop()).isEqualTo(2);
    assertThat(stored.previousRunId()).isNull();
  }

  @Test
  void runsOfOtherDatasetsAreNotCompared() {
    long a = run(1, Instant.now());
    long otherDataset =
        importer
            .importImages(
                "compare-other-" + java.util.UUID.randomUUID(),
                TestDatasets.mnist(10),
                null,
                null,
                "t")
            .getId();
    long other = datasetId;
    datasetId = otherDataset;
    long b = run(1, Instant.now());
    datasetId = other;
    assertThatThrownBy(() -> comparisons.compare(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different datasets");
  }

  @Test
  void histogramCountsEveryScoreInEqualBins() {
    long a = run(1, Instant.now());
    for (int i = 0; i < 10; i++) {
      score(a, i, i, 0); // ensemble scores 0..9
      jdbc.update(
          "insert into method_score (run_id, method, sample_id, score) values (?, 'loss', ?, ?)",
          a,
          sampleIds[i],
          i < 8 ? 0.0 : 1.0);
    }
    RunCharts.ScoreHistogram ensemble = charts.histogram(a, RunCharts.ENSEMBLE, 3);
    // width 3: [0,3) [3,6) [6,9] -> 3, 3, 4 (the maximum falls in the last bin)
    assertThat(ensemble.counts()).containsExactly(3, 3, 4);
    assertThat(ensemble.min()).isEqualTo(0);
    assertThat(ensemble.width()).isEqualTo(3);
    assertThat(charts.histogram(a, "loss", 2).counts()).containsExactly(8, 2);
    assertThat(charts.methods(a)).containsExactly("loss");
    assertThatThrownBy(() -> charts.histogram(a, "loss", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void confusionMatrixCountsGivenAgainstSuggestedLabels() {
    long a = run(1, Instant.now());
    List<Integer> given =
        jdbc.queryForList(
            "select current_label from sample where dataset_id = ? order by sample_index",
            Integer.class,
            datasetId);
    for (int i = 0; i < 10; i++) {
      // the first four samples get suggestion 9, the others their own label
      score(a, i, i, i < 4 ? 9 : given.get(i));
    }
    RunCharts.ConfusionMatrix m = charts.confusion(a, 10);
    long total = 0;
    for (long[] row : m.counts()) {
      for (long v : row) {
        total += v;
      }
    }
    assertThat(total).isEqualTo(10);
    long expectedOff = given.subList(0, 4).stream().filter(g -> g != 9).count();
    assertThat(m.disagreements()).isEqualTo(expectedOff);
    assertThat(m.counts()[given.get(0)][9]).isPositive();
  }

  @Test
  void confusionMatrixPutsASampleWhoseMarginIsNotPositiveOnTheDiagonal() {
    long a = run(1, Instant.now());
    List<Integer> given =
        jdbc.queryForList(
            "select current_label from sample where dataset_id = ? order by sample_index",
            Integer.class,
            datasetId);
    for (int i = 0; i < 10; i++) {
      // every suggestion is another class (decision 0023); only samples 0..2 have it win
      int other = (given.get(i) + 1) % 10;
      score(a, i, i, other);
      jdbc.update(
          "insert into method_score (run_id, method, sample_id, score) values (?, 'margin', ?, ?)",
          a,
          sampleIds[i],
          i < 3 ? 0.4 : -0.6);
    }

    RunCharts.ConfusionMatrix m = charts.confusion(a, 10);

    assertThat(m.disagreements()).isEqualTo(3);
    assertThat(m.counts()[given.get(5)][given.get(5)]).isPositive();
    assertThat(m.counts()[given.get(0)][(given.get(0) + 1) % 10]).isPositive();
  }

  private long run(int estimatedErrors, Instant startedAt) {
    TrainingRun run =
        runs.saveAndFlush(
            new TrainingRun(
                datasetId,
                RunSettings.builder()
                    .epochs(1)
                    .batchSize(8)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .build(),
                "test"));
    jdbc.update(
        "update training_run set status = 'SUCCEEDED', estimated_errors = ?, started_at = ?"
            + " where id = ?",
        estimatedErrors,
        Timestamp.from(startedAt),
        run.getId());
    return run.getId();
  }

  private void score(long runId, int sample, double score, int suggested) {
    jdbc.update(
        "insert into sample_score (run_id, sample_id, score, suggested_label) values (?, ?, ?, ?)",
        runId,
        sampleIds[sample],
        score,
        suggested);
  }

  private void correct(int sample, int label, Instant at) {
    jdbc.update(
        "update sample set status = 'CORRECTED', current_label = ?, decided_at = ? where id = ?",
        label,
        Timestamp.from(at),
        sampleIds[sample]);
  }
}

package com.relabel.training;

import com.relabel.scoring.EmbeddingIssues;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.TrainingDynamics;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores the near-duplicates and outliers a run's embeddings show ({@link EmbeddingIssues},
 * decision 0043) in {@code sample_issue}: a pair as one row per side, so that each sample finds its
 * own; nothing for a run without embeddings.
 */
final class RunIssues {
  private RunIssues() {}

  /**
   * @param sampleIds the sample id of each run row
   * @param neighbours the run's neighbour search; null without embeddings
   */
  static void save(
      JdbcTemplate jdbc,
      long runId,
      long[] sampleIds,
      TrainingDynamics dynamics,
      Neighbours neighbours) {
    if (dynamics.embeddings() == null || neighbours == null) {
      return;
    }
    var found =
        EmbeddingIssues.find(
            dynamics.embeddings(), dynamics.givenLabels(), dynamics.numClasses(), neighbours);
    List<Object[]> rows = new ArrayList<>();
    for (var pair : found.nearDuplicates()) {
      long first = sampleIds[pair.first()];
      long second = sampleIds[pair.second()];
      rows.add(new Object[] {runId, first, "NEAR_DUPLICATE", second, pair.distance()});
      rows.add(new Object[] {runId, second, "NEAR_DUPLICATE", first, pair.distance()});
    }
    for (int row : found.outliers()) {
      rows.add(
          new Object[] {runId, sampleIds[row], "OUTLIER", null, found.centroidDistance()[row]});
    }
    jdbc.batchUpdate(
        "insert into sample_issue (run_id, sample_id, kind, other_sample_id, distance)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }
}

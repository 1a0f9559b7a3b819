package com.relabel.training;

import com.relabel.engine.EpochStats;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.TrainingDynamics;
import java.sql.Types;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what a run produced: the per-epoch dynamics (one row per epoch, arrays packed), the final
 * probabilities and embeddings, and the per-sample scores that rank the queue.
 */
@Component
class RunStore {

  private static final int BATCH = 2000;

  private final JdbcTemplate jdbc;

  RunStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes every epoch's row (with the held-out accuracy of that epoch when {@code heldOut} holds
   * samples) and the run's artifacts, {@code held_out} positions among them.
   */
  void saveDynamics(long runId, long[] sampleIds, TrainingResult result, HeldOutSplit heldOut) {
    TrainingDynamics d = result.dynamics();
    for (int e = 0; e < d.epochCount(); e++) {
      EpochStats stats = result.epochs().get(e);
      jdbc.update(
          "insert into run_epoch (run_id, epoch, train_seconds, inference_seconds,"
              + " samples_per_second, train_loss, prob_given, predicted, margin, loss,"
              + " held_out_accuracy) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          runId,
          e + 1,
          stats.trainSeconds(),
          stats.inferenceSeconds(),
          stats.samplesPerSecond(),
          stats.trainLoss(),
          PackedArrays.pack(d.probGiven()[e]),
          PackedArrays.pack(d.predicted()[e]),
          PackedArrays.pack(d.margin()[e]),
          PackedArrays.pack(d.loss()[e]),
          heldOut.accuracy(d, e));
    }
    saveArtifact(runId, "sample_ids", sampleIds.length, 1, PackedArrays.pack(sampleIds));
    if (!heldOut.isEmpty()) {
      saveArtifact(runId, "held_out", heldOut.count(), 1, PackedArrays.pack(heldOut.positions()));
    }
    saveArtifact(
        runId,
        "final_probabilities",
        d.sampleCount(),
        d.numClasses(),
        PackedArrays.pack(d.finalProbabilities()));
    if (d.heldOutProbabilities() != null) {
      saveArtifact(
          runId,
          "held_out_probabilities",
          d.sampleCount(),
          d.numClasses(),
          PackedArrays.pack(d.heldOutProbabilities()));
    }
    if (d.softTargets() != null) {
      saveArtifact(
          runId,
          "soft_targets",
          d.sampleCount(),
          d.numClasses(),
          PackedArrays.pack(d.softTargets()));
    }
    if (d.embeddings() != null && d.sampleCount() > 0) {
      saveArtifact(
          runId,
          "embeddings",
          d.sampleCount(),
          d.embeddings()[0].length,
          PackedArrays.pack(d.embeddings()));
    }
  }

  /**
   * Each sample's nearest neighbours in embedding space ({@code [row][rank]}, run rows, nearest
   * first) as the artifact {@value RunArtifacts#NEIGHBOURS}; nothing when there are none.
   */
  void saveNeighbours(long runId, Neighbours searched) {
    if (searched == null || searched.k() == 0) {
      return;
    }
    int[][] neighbours = searched.indices();
    int k = searched.k();
    int[] flat = new int[neighbours.length * k];
    for (int i = 0; i < neighbours.length; i++) {
      System.arraycopy(neighbours[i], 0, flat, i * k, k);
    }
    saveArtifact(runId, RunArtifacts.NEIGHBOURS, neighbours.length, k, PackedArrays.pack(flat));
  }

  private void saveArtifact(long runId, String name, int rows, int cols, byte[] data) {
    jdbc.update(
        "insert into run_artifact (run_id, name, rows_count, cols_count, data)"
            + " values (?, ?, ?, ?, ?)",
        runId,
        name,
        rows,
        cols,
        data);
  }

  void saveScores(long runId, long[] sampleIds, NoiseReport report) {
    saveScores(runId, sampleIds, report, null);
  }

  /**
   * The per-sample scores; with {@code aumCutoff} (the run's AUM threshold pass) each row also
   * records whether its sample is below the cut-off, otherwise that column stays null.
   */
  void saveScores(long runId, long[] sampleIds, NoiseReport report, AumCutoff aumCutoff) {
    MethodScores ensemble = report.ensemble();
    List<Integer> rows = indexes(sampleIds.length);
    jdbc.batchUpdate(
        "insert into sample_score (run_id, sample_id, score, suggested_label,"
            + " suggested_probability, flagged_by, region, confidence, variability, correctness,"
            + " aum_below_cutoff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        BATCH,
        (ps, i) -> {
          ps.setLong(1, runId);
          ps.setLong(2, sampleIds[i]);
          ps.setDouble(3, ensemble.scores()[i]);
          ps.setInt(4, ensemble.suggestedLabels()[i]);
          ps.setDouble(5, ensemble.suggestionConfidence()[i]);
          ps.setString(6, String.join(",", report.flaggedBy(i)));
          ps.setString(7, report.cartography().region(i).name());
          ps.setDouble(8, report.cartography().confidence()[i]);
          ps.setDouble(9, report.cartography().variability()[i]);
          ps.setDouble(10, report.cartography().correctness()[i]);
          if (aumCutoff == null) {
            ps.setNull(11, Types.BOOLEAN);
          } else {
            ps.setBoolean(11, aumCutoff.isBelow(i));
          }
        });
    for (MethodScores method : report.methods()) {
      jdbc.batchUpdate(
          "insert into method_score (run_id, method, sample_id, score) values (?, ?, ?, ?)",
          rows,
          BATCH,
          (ps, i) -> {
            ps.setLong(1, runId);
            ps.setString(2, method.method());
            ps.setLong(3, sampleIds[i]);
            ps.setDouble(4, method.scores()[i]);
          });
    }
  }

  private static List<Integer> indexes(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}

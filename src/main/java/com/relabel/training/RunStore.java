package com.relabel.training;

import com.relabel.engine.EpochStats;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.Cartography;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.TrainingDynamics;
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
    Cartography map = report.cartography();
    var rows = new ScoreRows(jdbc, BATCH);
    rows.sampleScores(
        runId,
        sampleIds,
        new ScoreRows.SampleScores() {
          @Override
          public double score(int i) {
            return ensemble.scores()[i];
          }

          @Override
          public int suggestedLabel(int i) {
            return ensemble.suggestedLabels()[i];
          }

          @Override
          public double suggestedProbability(int i) {
            return ensemble.suggestionConfidence()[i];
          }

          @Override
          public String flaggedBy(int i) {
            return String.join(",", report.flaggedBy(i));
          }

          @Override
          public String region(int i) {
            return map.region(i).name();
          }

          @Override
          public double confidence(int i) {
            return map.confidence()[i];
          }

          @Override
          public double variability(int i) {
            return map.variability()[i];
          }

          @Override
          public double correctness(int i) {
            return map.correctness()[i];
          }

          @Override
          public Boolean aumBelowCutoff(int i) {
            return aumCutoff == null ? null : aumCutoff.isBelow(i);
          }
        });
    for (MethodScores method : report.methods()) {
      double[] scores = method.scores();
      rows.methodScores(runId, method.method(), sampleIds, i -> scores[i]);
    }
  }
}

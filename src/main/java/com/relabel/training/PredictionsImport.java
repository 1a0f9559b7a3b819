package com.relabel.training;

import com.relabel.dataset.CurrentLabels;
import com.relabel.dataset.DatasetService;
import com.relabel.engine.EpochStats;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.TrainingDynamics;
import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores a dataset from predictions that a team's own model made ("bring your own model"): class
 * probabilities per sample, embeddings optional ({@link PredictionsFile}). Every method that needs
 * no training history scores them (loss, confidence, correctness, aum, cl, gmm, influence, and knn
 * with embeddings); the result is a finished run of kind {@value TrainingRun#IMPORTED} that becomes
 * the dataset's active ranking, exactly like a trained run. The file is read and checked
 * completely, and everything is scored, before one transaction writes the run: a bad file leaves
 * the database as it was.
 */
@Service
public class PredictionsImport {

  private final DatasetService datasets;
  private final TrainingRunRepository runs;
  private final TrainingRuns trainingRuns;
  private final RunActivation activation;
  private final RunProgressEvents progressEvents;
  private final TransactionTemplate tx;

  PredictionsImport(
      DatasetService datasets,
      TrainingRunRepository runs,
      TrainingRuns trainingRuns,
      RunActivation activation,
      RunProgressEvents progressEvents,
      TransactionTemplate tx) {
    this.datasets = datasets;
    this.runs = runs;
    this.trainingRuns = trainingRuns;
    this.activation = activation;
    this.progressEvents = progressEvents;
    this.tx = tx;
  }

  /**
   * Reads, scores and activates the predictions in {@code file} (CSV or {@code .jsonl}).
   *
   * @throws PredictionsFormatException naming the file and line of the first problem
   * @throws RunAlreadyActiveException while a run of the dataset is queued or running
   */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public TrainingRun importFile(long datasetId, Path file, String requestedBy) throws IOException {
    CurrentLabels current = datasets.currentLabels(datasetId);
    trainingRuns.requireIdle(datasetId);
    PredictionsFile.Predictions predictions =
        PredictionsFile.read(
            file, datasets.classNames(datasetId), current.sampleIndexes(), current.datasetSize());
    TrainingDynamics dynamics =
        TrainingDynamics.fromPredictions(
            current.labels(),
            current.numClasses(),
            predictions.probabilities(),
            predictions.embeddings());
    Neighbours neighbours = Neighbours.of(dynamics);
    NoiseReport report =
        NoiseReport.compute(dynamics, ScorerRegistry.forDynamics(dynamics, neighbours));
    String evaluation =
        datasets
            .trueLabels(datasetId, current.sampleIds())
            .map(truth -> report.evaluate(current.labels(), truth).summary())
            .orElse(null);
    double meanLoss = 0;
    for (float loss : dynamics.loss()[0]) {
      meanLoss += loss / Math.max(1, dynamics.sampleCount());
    }
    var result =
        new TrainingResult(dynamics, "imported", List.of(new EpochStats(1, 1, 0, 0, 0, meanLoss)));
    RunProgress done =
        tx.execute(
            status -> {
              trainingRuns.lockIdle(datasetId); // orders this against TrainingRuns.enqueue
              TrainingRun run =
                  runs.saveAndFlush(
                      TrainingRun.imported(datasetId, current.sampleIds().length, requestedBy));
              activation.activate(
                  run,
                  current.sampleIds(),
                  result,
                  HeldOutSplit.NONE,
                  report,
                  neighbours,
                  evaluation);
              return RunProgress.of(run);
            });
    progressEvents.publish(done);
    return runs.findById(done.runId()).orElseThrow();
  }
}

package com.relabel.training;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetRepository;
import com.relabel.scoring.NoiseReport;
import java.util.NoSuchElementException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The end of every successful run, trained here or imported: its dynamics, scores and neighbours
 * written, the run marked succeeded with its estimated errors and expected yield, made the
 * dataset's active ranking, compared with the run it replaces, and the review module told. Runs
 * inside the caller's transaction, so all of it lands or none.
 */
@Component
class RunActivation {

  private final RunStore store;
  private final DatasetRepository datasets;
  private final RunComparisons comparisons;
  private final ApplicationEventPublisher events;

  RunActivation(
      RunStore store,
      DatasetRepository datasets,
      RunComparisons comparisons,
      ApplicationEventPublisher events) {
    this.store = store;
    this.datasets = datasets;
    this.comparisons = comparisons;
    this.events = events;
  }

  void activate(
      TrainingRun run,
      long[] sampleIds,
      TrainingResult result,
      HeldOutSplit heldOut,
      NoiseReport report,
      int[][] neighbours,
      String evaluation) {
    long runId = run.getId();
    long datasetId = run.getDatasetId();
    store.saveDynamics(runId, sampleIds, result, heldOut);
    store.saveScores(runId, sampleIds, report, result.aumThreshold());
    store.saveNeighbours(runId, neighbours);
    Dataset dataset =
        datasets
            .findById(datasetId)
            .orElseThrow(() -> new NoSuchElementException("no dataset " + datasetId));
    Long previous = dataset.getActiveRunId();
    dataset.activateRun(runId);
    run.succeed(result.device(), report.estimatedErrors(), report.expectedYield(), evaluation);
    comparisons.recordOnCompletion(run, previous);
    events.publishEvent(new TrainingRunCompleted(runId, datasetId));
  }
}

package com.relabel.training;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetRepository;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.TrainingSet;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one run: train on the current labels, record the dynamics, score every method, then
 * switch the dataset's queue to the new scores in one transaction. A failure at any point leaves
 * the previous active scores in place and the run marked failed with its reason.
 */
@Component
class TrainingRunExecutor {

  private static final Logger log = LoggerFactory.getLogger(TrainingRunExecutor.class);

  private final TrainingRunRepository runs;
  private final DatasetService datasets;
  private final DatasetRepository datasetRepository;
  private final RunStore store;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  TrainingRunExecutor(
      TrainingRunRepository runs,
      DatasetService datasets,
      DatasetRepository datasetRepository,
      RunStore store,
      TransactionTemplate tx,
      ApplicationEventPublisher events) {
    this.runs = runs;
    this.datasets = datasets;
    this.datasetRepository = datasetRepository;
    this.store = store;
    this.tx = tx;
    this.events = events;
  }

  void execute(long runId) {
    Optional<TrainingRun> found = runs.findById(runId);
    if (found.isEmpty() || !found.get().getStatus().isActive()) {
      log.info("Run {} is not queued any more; nothing to do", runId);
      return;
    }
    try {
      run(found.get());
    } catch (TrainingCancelledException e) {
      finish(runId, RunStatus.CANCELLED, "cancelled");
    } catch (RuntimeException | Error e) {
      log.error("Run {} failed", runId, e);
      finish(runId, RunStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void run(TrainingRun queued) {
    long runId = queued.getId();
    TrainingSet set = datasets.trainingSet(queued.getDatasetId());
    update(runId, run -> run.start(set.images().count()));
    RunSettings settings = queued.settings();
    log.info(
        "Run {}: training on {} samples of dataset {}, {} epochs",
        runId,
        set.images().count(),
        set.datasetId(),
        settings.epochs());

    var progress =
        new RunProgressRecorder(
            runId,
            settings.epochs(),
            settings.folds() * TrainingOptions.DEFAULT_FOLD_EPOCHS,
            this::update,
            () -> runs.findById(runId).map(TrainingRun::isCancelRequested).orElse(true));
    TrainingResult result =
        new NoiseTrainingPipeline().train(set.images(), settings.toOptions(), progress);
    update(runId, run -> run.progress("scoring", settings.epochs(), 0.97, null));

    ScorerRegistry registry =
        ScorerRegistry.forDynamics(result.dynamics()).select(settings.methods());
    NoiseReport report = NoiseReport.compute(result.dynamics(), registry);
    int[][] neighbours = RunNeighbours.of(registry, result.dynamics());
    String evaluation =
        datasets
            .trueLabels(set.datasetId(), set.sampleIds())
            .map(truth -> report.evaluate(set.images().labels(), truth).summary())
            .orElse(null);

    tx.executeWithoutResult(
        status -> {
          store.saveDynamics(runId, set.sampleIds(), result);
          store.saveScores(runId, set.sampleIds(), report);
          store.saveNeighbours(runId, neighbours);
          Dataset dataset = datasetRepository.findById(set.datasetId()).orElseThrow();
          dataset.activateRun(runId);
          TrainingRun run = runs.findById(runId).orElseThrow();
          run.succeed(result.device(), report.estimatedErrors(), evaluation);
          events.publishEvent(new TrainingRunCompleted(runId, set.datasetId()));
        });
    log.info("Run {} done on {}; {}", runId, result.device(), evaluation);
  }

  private void finish(long runId, RunStatus status, String reason) {
    update(runId, run -> run.fail(status, reason));
  }

  private void update(long runId, java.util.function.Consumer<TrainingRun> change) {
    tx.executeWithoutResult(s -> runs.findById(runId).ifPresent(change));
  }
}

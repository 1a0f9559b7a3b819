package com.relabel.training;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.TrainingSet;
import com.relabel.engine.EpochStats;
import com.relabel.engine.HeldOutSplit;
import com.relabel.engine.ImageClassifierTrainer;
import com.relabel.engine.MinimumSteps;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.TrainingCancelledException;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingProgress;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.Neighbours;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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

  /**
   * DJL's PyTorch engine lets one gradient collector record at a time per process (and its random
   * seed is process-wide), so runs in one JVM train one after the other: with {@code
   * relabel.jobs.threads} above 1, or two application contexts in one JVM, a second run waits here.
   */
  private static final ReentrantLock ONE_TRAINING_PER_PROCESS = new ReentrantLock();

  /** How often a run waiting for {@link #ONE_TRAINING_PER_PROCESS} looks for a cancel request. */
  private static final long LOCK_POLL_MILLIS = 250;

  private final TrainingRunRepository runs;
  private final DatasetService datasets;
  private final TransactionTemplate tx;
  private final ObjectProvider<TrainingRunListener> listeners;
  private final NodeName node;
  private final double heldOutFraction;
  private final RunProgressEvents progressEvents;
  private final RunActivation activation;
  private final MinimumSteps minimumSteps;

  TrainingRunExecutor(
      TrainingRunRepository runs,
      DatasetService datasets,
      TransactionTemplate tx,
      ObjectProvider<TrainingRunListener> listeners,
      NodeName node,
      @Value("${relabel.training.held-out-fraction:0.1}") double heldOutFraction,
      RunProgressEvents progressEvents,
      RunActivation activation,
      @Value("${relabel.training.min-steps:" + MinimumSteps.DEFAULT_STEPS + "}") int minSteps) {
    this.activation = activation;
    this.minimumSteps = new MinimumSteps(minSteps);
    this.progressEvents = progressEvents;
    this.runs = runs;
    this.datasets = datasets;
    this.tx = tx;
    this.listeners = listeners;
    this.node = node;
    this.heldOutFraction = heldOutFraction;
    HeldOutSplit.stratified(new int[0], 0, heldOutFraction, 0); // refuses a bad fraction at start
  }

  /**
   * Claims the run (QUEUED to RUNNING, atomically: one node wins) and executes it. A run found
   * RUNNING was claimed by an earlier execution of its job that never ended it, so it is marked
   * failed rather than trained twice.
   */
  void execute(long runId) {
    if (runs.claim(runId, node.name(), Instant.now()) == 0) {
      runs.findById(runId)
          .filter(run -> run.getStatus() == RunStatus.RUNNING)
          .ifPresentOrElse(
              run ->
                  abandon(
                      runId,
                      "interrupted: started on " + run.getExecutedBy() + " and never finished"),
              () -> log.info("Run {} is not queued any more; nothing to do", runId));
      return;
    }
    try {
      listeners.orderedStream().forEach(l -> l.started(runId));
      run(runs.findById(runId).orElseThrow());
    } catch (TrainingCancelledException e) {
      finish(runId, RunStatus.CANCELLED, "cancelled");
    } catch (RuntimeException | Error e) {
      log.error("Run {} failed", runId, e);
      finish(runId, RunStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Marks a run that can no longer finish (its node died, its job gave up) as failed; the dataset
   * keeps its active ranking. Does nothing to a run that has already ended.
   */
  void abandon(long runId, String reason) {
    log.warn("Run {} abandoned: {}", runId, reason);
    finish(runId, RunStatus.FAILED, reason);
  }

  private void run(TrainingRun queued) {
    long runId = queued.getId();
    TrainingSet set = datasets.trainingSet(queued.getDatasetId());
    RunSettings settings = queued.settings();
    HeldOutSplit heldOut =
        set.images().count() < 2
            ? HeldOutSplit.NONE
            : HeldOutSplit.stratified(
                set.images().labels(), set.images().numClasses(), heldOutFraction, settings.seed());
    String device = ImageClassifierTrainer.deviceFor(settings.device());
    TrainingOptions options = minimumSteps.apply(settings.toOptions(), set.images().count());
    update(
        runId,
        run -> {
          run.start(set.images().count());
          run.runsOn(device, heldOut.count());
          run.trainsWith(options.epochs(), options.batchSize());
        });
    log.info(
        "Run {}: training on {} samples of dataset {}, {} epochs of batch {} (asked {} of {})",
        runId,
        set.images().count(),
        set.datasetId(),
        options.epochs(),
        options.batchSize(),
        settings.epochs(),
        settings.batchSize());

    var progress =
        new RunProgressRecorder(
            runId,
            options,
            this::update,
            () ->
                runs.findById(runId)
                    .map(run -> run.isCancelRequested() || !run.getStatus().isActive())
                    .orElse(true));
    TrainingResult result;
    if (!ONE_TRAINING_PER_PROCESS.tryLock()) {
      update(runId, run -> run.progress("waiting for another run in this process", 0, 0.0, null));
      awaitTrainingLock(progress);
    }
    try {
      result =
          new NoiseTrainingPipeline()
              .withNeighbourSpace(set.neighbourSpace())
              .train(set.images(), heldOut, options, withListeners(runId, progress));
    } finally {
      ONE_TRAINING_PER_PROCESS.unlock();
    }
    update(runId, run -> run.progress("scoring", options.epochs(), 0.97, null));

    Neighbours neighbours = Neighbours.of(result.dynamics());
    ScorerRegistry registry =
        ScorerRegistry.forDynamics(result.dynamics(), neighbours).select(settings.methods());
    NoiseReport report = NoiseReport.compute(result.dynamics(), registry);
    String evaluation =
        datasets
            .trueLabels(set.datasetId(), set.sampleIds())
            .map(truth -> report.evaluate(set.images().labels(), truth).summary())
            .orElse(null);

    RunProgress done =
        tx.execute(
            status -> {
              TrainingRun run = runs.findById(runId).orElseThrow();
              if (run.getStatus() != RunStatus.RUNNING) {
                throw new IllegalStateException(
                    "run " + runId + " was ended elsewhere meanwhile (" + run.getStatus() + ")");
              }
              if (result.aumThreshold() != null) {
                run.getOutcome().aumThreshold(result.aumThreshold());
              }
              run.getOutcome()
                  .heldOutAccuracy(
                      heldOut.accuracy(result.dynamics(), result.dynamics().epochCount() - 1));
              activation.activate(
                  run, set.sampleIds(), result, heldOut, report, neighbours, evaluation);
              return RunProgress.of(run);
            });
    progressEvents.publish(done);
    log.info("Run {} done on {}; {}", runId, result.device(), evaluation);
  }

  /**
   * Waits for this process's training lock, and gives up when the run is cancelled meanwhile
   * (checked in the database every {@link #LOCK_POLL_MILLIS} ms): a run queued behind a long one
   * ends at once when it is cancelled, without training. Like {@code lock()}, deaf to interrupts
   * while waiting (the interrupt is kept for later).
   *
   * @throws TrainingCancelledException (epoch 0) if the run was cancelled before it got the lock
   */
  private static void awaitTrainingLock(TrainingProgress progress) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (ONE_TRAINING_PER_PROCESS.tryLock(LOCK_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
        if (progress.cancelled()) {
          throw new TrainingCancelledException(0);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void finish(long runId, RunStatus status, String reason) {
    update(
        runId,
        run -> {
          if (run.getStatus().isActive()) {
            run.fail(status, reason);
          }
        });
  }

  /** {@code progress}, and every {@link TrainingRunListener} after each batch. */
  private TrainingProgress withListeners(long runId, TrainingProgress progress) {
    List<TrainingRunListener> all = listeners.orderedStream().toList();
    if (all.isEmpty()) {
      return progress;
    }
    return new TrainingProgress() {
      @Override
      public void onEpoch(EpochStats stats) {
        progress.onEpoch(stats);
      }

      @Override
      public void onBatch(int epoch, int batch, int batches) {
        progress.onBatch(epoch, batch, batches);
        all.forEach(l -> l.batch(runId, epoch, batch));
      }

      @Override
      public boolean cancelled() {
        return progress.cancelled();
      }
    };
  }

  /** Changes the run's row in its own transaction, then tells this node's views. */
  private void update(long runId, java.util.function.Consumer<TrainingRun> change) {
    RunProgress written =
        tx.execute(
            s ->
                runs.findById(runId)
                    .map(
                        run -> {
                          change.accept(run);
                          runs.flush();
                          return RunProgress.of(run);
                        })
                    .orElse(null));
    if (written != null) {
      progressEvents.publish(written);
    }
  }
}

package com.relabel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.DatasetService;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The demo profile's dataset, as the browser tests find it once its first run has finished. */
record DemoDataset(long id, TrainingRun firstRun) {

  /** Waits (at most three minutes) for the demo dataset's first run, which must succeed. */
  static DemoDataset awaitFirstRun(DatasetService datasets, TrainingRuns runs)
      throws InterruptedException {
    long datasetId = datasets.findByName("MNIST demo").orElseThrow().getId();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    List<TrainingRun> history = runs.history(datasetId);
    while (history.isEmpty() || history.getFirst().getStatus().isActive()) {
      assertThat(Instant.now()).as("first training run finishes").isBefore(deadline);
      Thread.sleep(250);
      history = runs.history(datasetId);
    }
    assertThat(history.getFirst().getStatus()).isEqualTo(RunStatus.SUCCEEDED);
    return new DemoDataset(datasetId, history.getFirst());
  }
}

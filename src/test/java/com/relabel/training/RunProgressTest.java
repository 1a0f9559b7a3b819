package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.EpochStats;
import com.relabel.engine.TrainingOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phases the recorder writes, and the time-left estimate the panels show. */
class RunProgressTest {

  @Test
  void phasesNameTheEpochTheRecordingAndTheFold() {
    List<String> phases = new ArrayList<>();
    TrainingRun row = row(2);
    var recorder =
        new RunProgressRecorder(
            7,
            2,
            2,
            1,
            (id, change) -> {
              change.accept(row);
              phases.add(row.getPhase());
            },
            () -> false);
    recorder.onBatch(1, 3, 3);
    recorder.onEpoch(new EpochStats(1, 2, 1, 1, 100, 0.5));
    recorder.onBatch(2, 3, 3);
    recorder.onEpoch(new EpochStats(2, 2, 1, 1, 100, 0.4));
    assertThat(recorder.phase(2)).isEqualTo("training fold 2/2 (epoch 1/1)");
    assertThat(phases)
        .containsSubsequence(
            "recording dynamics (epoch 1/2)",
            "training epoch 1/2",
            "recording dynamics (epoch 2/2)",
            "training epoch 2/2");
    assertThat(row.getProgress()).isBetween(0.0, 0.95);
  }

  @Test
  void theAumThresholdPassFollowsTheFolds() {
    TrainingRun row = row(1);
    var recorder =
        new RunProgressRecorder(
            7,
            TrainingOptions.builder()
                .epochs(1)
                .batchSize(8)
                .seed(1)
                .device(DeviceChoice.CPU)
                .folds(2, 1)
                .aumThresholdPass(true)
                .build(),
            (id, change) -> change.accept(row),
            () -> false);
    recorder.onEpoch(new EpochStats(1, 1, 1, 1, 100, 0.5));
    assertThat(recorder.phase(1)).isEqualTo("training fold 1/2 (epoch 1/1)");
    recorder.onEpoch(new EpochStats(1, 2, 1, 1, 100, 0.5));
    recorder.onEpoch(new EpochStats(2, 2, 1, 1, 100, 0.5));
    assertThat(recorder.phase(1)).isEqualTo("AUM threshold pass (epoch 1/1)");
    assertThat(row.getProgress())
        .isCloseTo(0.95 * 3 / 4, org.assertj.core.api.Assertions.within(1e-9));
    recorder.onEpoch(new EpochStats(1, 1, 1, 1, 100, 0.5));
    assertThat(row.getPhase()).isEqualTo("AUM threshold pass (epoch 1/1)");
    assertThat(row.getProgress()).isCloseTo(0.95, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void theVaeFollowsTheFoldsAsItsOwnPhase() {
    List<String> phases = new ArrayList<>();
    List<Double> done = new ArrayList<>();
    RunSettings settings =
        RunSettings.builder()
            .epochs(1)
            .batchSize(8)
            .seed(1)
            .device(DeviceChoice.CPU)
            .methods(List.of("loss", "aquavs"))
            .folds(2)
            .build();
    TrainingRun row = new TrainingRun(1, settings, "t");
    var recorder =
        new RunProgressRecorder(
            7,
            settings.toOptions().toBuilder().folds(2, 1).build(),
            (id, change) -> {
              change.accept(row);
              phases.add(row.getPhase());
              done.add(row.getProgress());
            },
            () -> false);
    recorder.onEpoch(new EpochStats(1, 1, 1, 1, 100, 0.5));
    recorder.onEpoch(new EpochStats(1, 2, 1, 0, 100, 0.5));
    recorder.onEpoch(new EpochStats(2, 2, 1, 0, 100, 0.5));
    assertThat(recorder.phase(1)).isEqualTo("training the latent space (epoch 1/5)");
    for (int e = 1; e <= 5; e++) {
      recorder.onEpoch(new EpochStats(e, 5, 1, 0, 100, 0.5));
    }

    assertThat(settings.toOptions().latentEpochs()).isEqualTo(RunSettings.LATENT_EPOCHS);
    assertThat(phases)
        .containsSubsequence(
            "training epoch 1/1",
            "training fold 2/2 (epoch 1/1)",
            "training the latent space (epoch 1/5)",
            "training the latent space (epoch 5/5)");
    assertThat(done).isSorted();
    assertThat(done.getLast()).isCloseTo(0.95, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(
            RunSettings.builder()
                .epochs(1)
                .batchSize(8)
                .seed(1)
                .device(DeviceChoice.CPU)
                .folds(0)
                .build()
                .toOptions()
                .latentEpochs())
        .isZero();
  }

  @Test
  void timeLeftGrowsLinearlyFromTheShareDone() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    var quarter =
        new RunProgress(
            1,
            1,
            RunStatus.RUNNING,
            "training epoch 1/4",
            1,
            4,
            0.25,
            100.0,
            "cpu",
            start,
            false,
            null);
    assertThat(quarter.timeLeft(start.plusSeconds(60))).contains(Duration.ofSeconds(180));
    assertThat(quarter.describe(start.plusSeconds(60)))
        .contains("training epoch 1/4")
        .contains("100 samples/s")
        .contains("cpu")
        .contains("about 3 min 00 s left");
    var justStarted =
        new RunProgress(
            1,
            1,
            RunStatus.RUNNING,
            "training epoch 1/4",
            1,
            4,
            0.01,
            null,
            "cpu",
            start,
            false,
            null);
    assertThat(justStarted.timeLeft(start.plusSeconds(5))).isEmpty();
  }

  @Test
  void aCleaningRoundRepeatsTheMainRunAndTheFoldsUnderItsOwnName() {
    List<String> phases = new ArrayList<>();
    TrainingRun row = row(1);
    var recorder =
        new RunProgressRecorder(
            7,
            TrainingOptions.builder()
                .epochs(1)
                .batchSize(8)
                .seed(1)
                .device(DeviceChoice.CPU)
                .folds(2, 1)
                .cleaningRounds(1)
                .build(),
            (id, change) -> {
              change.accept(row);
              phases.add(row.getPhase());
            },
            () -> false);
    recorder.onEpoch(new EpochStats(1, 1, 1, 1, 100, 0.5));
    recorder.onEpoch(new EpochStats(1, 2, 1, 0, 100, 0.5));
    recorder.onEpoch(new EpochStats(2, 2, 1, 0, 100, 0.5));
    assertThat(recorder.phase(1)).isEqualTo("cleaning round 1: training epoch 1/1");
    recorder.onEpoch(new EpochStats(1, 1, 1, 1, 100, 0.5));
    assertThat(recorder.phase(2)).isEqualTo("cleaning round 1: training fold 2/2 (epoch 1/1)");
    recorder.onEpoch(new EpochStats(1, 2, 1, 0, 100, 0.5));
    recorder.onEpoch(new EpochStats(2, 2, 1, 0, 100, 0.5));

    assertThat(phases)
        .containsSubsequence("training epoch 1/1", "cleaning round 1: training epoch 1/1");
    assertThat(row.getProgress()).isCloseTo(0.95, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(
            RunSettings.builder()
                .epochs(1)
                .batchSize(8)
                .seed(1)
                .device(DeviceChoice.CPU)
                .folds(2)
                .cleaningRounds(2)
                .build()
                .toOptions()
                .cleaningRounds())
        .isEqualTo(2);
  }

  /** A run of {@code epochs} epochs with two folds, as the recorder sees it. */
  private static TrainingRun row(int epochs) {
    return new TrainingRun(
        1,
        RunSettings.builder()
            .epochs(epochs)
            .batchSize(8)
            .seed(1)
            .device(DeviceChoice.CPU)
            .folds(2)
            .build(),
        "t");
  }
}

package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.TrainingSet;
import com.relabel.engine.DeviceChoice;
import com.relabel.flow.TestDatasets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a run trains on (current labels, excluded samples left out, a held-out split), and what is
 * left when a run breaks: through the real job engine and a real (small) DJL training on H2.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:durability;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
@Import(RunHooks.class)
class RunDurabilityTest {

  static final int SAMPLES = 200;

  @Autowired DatasetImporter importer;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired TrainingRunExecutor executor;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void resetHooks() {
    RunHooks.reset();
  }

  @Test
  void trainsOnCurrentLabelsWithoutExcludedSamplesAndMeasuresAHeldOutSplit() throws Exception {
    Dataset dataset =
        importer.importImages("held-out", TestDatasets.mnist(SAMPLES), null, null, "t");
    long corrected = sampleId(dataset, 0);
    long excluded = sampleId(dataset, 1);
    int original =
        jdbc.queryForObject(
            "select current_label from sample where id = ?", Integer.class, corrected);
    int newLabel = (original + 1) % 10;
    jdbc.update(
        "update sample set current_label = ?, status = 'CORRECTED' where id = ?",
        newLabel,
        corrected);
    jdbc.update("update sample set status = 'EXCLUDED' where id = ?", excluded);

    TrainingSet set = datasets.trainingSet(dataset.getId());
    assertThat(set.sampleIds()).hasSize(SAMPLES - 1).doesNotContain(excluded);
    assertThat(set.images().labels()[0]).as("the corrected label").isEqualTo(newLabel);

    TrainingRun run = train(dataset, 2);

    assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.getDeviceUsed()).isEqualTo("cpu");
    assertThat(run.getExecutedBy()).isNotBlank();
    // 10% of every class by default, rounded per class
    assertThat(run.getOutcome().getHeldOutCount()).isBetween(15, 25);
    assertThat(run.getHeldOutAccuracy()).isBetween(0.0, 1.0);
    long[] trainedIds = longs(artifact(run, "sample_ids"));
    assertThat(trainedIds).hasSize(SAMPLES - 1).doesNotContain(excluded).contains(corrected);
    int[] heldOut = ints(artifact(run, "held_out"));
    assertThat(heldOut).hasSize(run.getOutcome().getHeldOutCount());
    List<Double> perEpoch =
        jdbc.queryForList(
            "select held_out_accuracy from run_epoch where run_id = ? order by epoch",
            Double.class,
            run.getId());
    assertThat(perEpoch).hasSize(2).doesNotContainNull();
    assertThat(perEpoch.get(1)).isEqualTo(run.getHeldOutAccuracy());
    assertThat(
            jdbc.queryForObject(
                "select min(samples_per_second) from run_epoch where run_id = ?",
                Double.class,
                run.getId()))
        .isPositive();
    // the queue still ranks every sample that is not excluded, held out or not
    assertThat(scoreCount(run.getId())).isEqualTo(SAMPLES - 1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_score where run_id = ? and sample_id = ?",
                Integer.class,
                run.getId(),
                trainedIds[heldOut[0]]))
        .isOne();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sample_score where run_id = ? and sample_id = ?",
                Integer.class,
                run.getId(),
                excluded))
        .isZero();
  }

  @Test
  void aRunThatFailsMidwayIsMarkedFailedOnceAndLeavesTheQueueAsItWas() throws Exception {
    Dataset dataset = importer.importImages("fault", TestDatasets.mnist(SAMPLES), null, null, "t");
    TrainingRun first = train(dataset, 1);
    assertThat(first.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
    List<Long> queueBefore = topOfQueue(first.getId());

    RunHooks.failNextRunAfter(3);
    TrainingRun failed = train(dataset, 3);

    assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.getFailureReason())
        .isEqualTo("IllegalStateException: injected fault after 3 batches");
    assertThat(failed.getFinishedAt()).isNotNull();
    assertThat(datasets.get(dataset.getId()).getActiveRunId()).isEqualTo(first.getId());
    assertThat(topOfQueue(first.getId())).isEqualTo(queueBefore);
    assertThat(scoreCount(failed.getId())).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from run_epoch where run_id = ?", Integer.class, failed.getId()))
        .isZero();
    // the job is done with: no execution left to retry, and none comes back
    assertThat(scheduledJobs(failed.getId())).isZero();
    Thread.sleep(1500);
    assertThat(RunHooks.starts(failed.getId())).isOne();
    assertThat(runs.get(failed.getId()).getStatus()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aRunFoundAlreadyRunningIsFailedNotTrainedAgain() throws Exception {
    Dataset dataset = importer.importImages("ghost", TestDatasets.mnist(50), null, null, "t");
    TrainingRun first = train(dataset, 1);
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, model, epochs, batch_size,"
            + " learning_rate, seed, device_requested, methods, created_at, folds,"
            + " cancel_requested, executed_by, version) values (?, 'TRAINED', 'RUNNING', 'cnn', 1,"
            + " 16, 0.001, 1, 'cpu', '', current_timestamp, 0, false, 'ghost-node', 0)",
        dataset.getId());
    long ghost =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, dataset.getId());

    executor.execute(ghost);

    TrainingRun run = runs.get(ghost);
    assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
    assertThat(run.getFailureReason())
        .isEqualTo("interrupted: started on ghost-node and never finished");
    assertThat(RunHooks.starts(ghost)).isZero();
    assertThat(datasets.get(dataset.getId()).getActiveRunId()).isEqualTo(first.getId());
  }

  private TrainingRun train(Dataset dataset, int epochs) throws InterruptedException {
    long id =
        runs.enqueue(
                dataset.getId(),
                RunSettings.builder()
                    .epochs(epochs)
                    .batchSize(16)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .build(),
                "test")
            .getId();
    return RunWaits.until(runs, id, r -> !r.getStatus().isActive(), Duration.ofMinutes(3));
  }

  private long sampleId(Dataset dataset, int index) {
    return jdbc.queryForObject(
        "select id from sample where dataset_id = ? and sample_index = ?",
        Long.class,
        dataset.getId(),
        index);
  }

  private List<Long> topOfQueue(long runId) {
    return jdbc.queryForList(
        "select sample_id from sample_score where run_id = ? order by score desc, sample_id"
            + " fetch first 30 rows only",
        Long.class,
        runId);
  }

  private int scoreCount(long runId) {
    return jdbc.queryForObject(
        "select count(*) from sample_score where run_id = ?", Integer.class, runId);
  }

  private int scheduledJobs(long runId) {
    return jdbc.queryForObject(
        "select count(*) from scheduled_tasks where task_instance = ?",
        Integer.class,
        "run-" + runId);
  }

  private byte[] artifact(TrainingRun run, String name) {
    return jdbc.queryForObject(
        "select data from run_artifact where run_id = ? and name = ?",
        byte[].class,
        run.getId(),
        name);
  }

  private static long[] longs(byte[] bytes) {
    long[] out = new long[bytes.length / Long.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
    return out;
  }

  private static int[] ints(byte[] bytes) {
    int[] out = new int[bytes.length / Integer.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
    return out;
  }
}

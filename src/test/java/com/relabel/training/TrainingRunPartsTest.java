package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.DatasetRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run read back from {@code training_run} always has its phase and its outcome, even when every
 * column of one is null (Hibernate alone would give null), and writing it back keeps those columns
 * as they were.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:run-parts;DB_CLOSE_DELAY=-1",
      "relabel.jobs.enabled=false"
    })
class TrainingRunPartsTest {

  @Autowired TrainingRunRepository runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aQueuedRunReadBackHasAnEmptyPhaseAndOutcome() {
    long runId = queuedRun("queued");
    assertThat(
            jdbc.queryForMap(
                    "select phase, progress, estimated_errors, held_out_count"
                        + " from training_run where id = ?",
                    runId)
                .values())
        .as("every column of both parts is null")
        .containsOnlyNulls();

    TrainingRun read = tx.execute(status -> runs.findById(runId).orElseThrow());

    assertThat(read.phase()).isNotNull();
    assertThat(read.phase().getName()).isNull();
    assertThat(read.phase().getProgress()).isNull();
    assertThat(read.getOutcome()).isNotNull();
    assertThat(read.getOutcome().getHeldOutCount()).isNull();
    assertThat(read.getProgress()).isNull();
  }

  @Test
  void aLoadedRunWritesOnePartAndLeavesTheOtherNull() {
    long runId = queuedRun("started");

    tx.executeWithoutResult(status -> runs.findById(runId).orElseThrow().runsOn("cpu", 7));

    assertThat(
            jdbc.queryForObject(
                "select held_out_count from training_run where id = ?", Integer.class, runId))
        .isEqualTo(7);
    assertThat(
            jdbc.queryForObject("select phase from training_run where id = ?", String.class, runId))
        .as("the empty phase is written back as the nulls it was read from")
        .isNull();
    TrainingRun read = tx.execute(status -> runs.findById(runId).orElseThrow());
    assertThat(read.getOutcome().getHeldOutCount()).isEqualTo(7);
    assertThat(read.phase().getName()).isNull();
  }

  private long queuedRun(String name) {
    long datasetId = new DatasetRows(jdbc, 10).imageDataset(name, 2, 2, 2, 1, "test");
    return tx.execute(
        status ->
            runs.saveAndFlush(new TrainingRun(datasetId, RunSettings.builder().build(), "t"))
                .getId());
  }
}

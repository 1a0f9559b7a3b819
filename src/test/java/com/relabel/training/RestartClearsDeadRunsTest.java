package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.RelabelApplication;
import com.relabel.dataset.DatasetImporter;
import com.relabel.engine.DeviceChoice;
import com.relabel.flow.TestDatasets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 13, item 6: a node that died mid-run and starts again (same database, same node name) ends
 * its own dead runs during its start-up, so retrain is accepted at once and cancel says the run is
 * not running; a run of another live node is left alone. Two real application contexts, one after
 * the other, on one H2 database.
 */
class RestartClearsDeadRunsTest {

  @TempDir Path dir;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aRestartedNodeFailsItsOwnRunningRunsAtStartUpAndLeavesOtherNodesRunsAlone() {
    String url =
        "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    long mine;
    long others;
    long minePicked;
    long datasetOfMine;
    try (ConfigurableApplicationContext before = start(url, "node-r")) {
      DatasetImporter importer = before.getBean(DatasetImporter.class);
      TrainingRuns runs = before.getBean(TrainingRuns.class);
      JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
      datasetOfMine =
          importer.importImages("mine", TestDatasets.mnist(40), null, null, "t").getId();
      long datasetOfOthers =
          importer.importImages("others", TestDatasets.mnist(40), null, null, "t").getId();
      long datasetQueued =
          importer.importImages("queued", TestDatasets.mnist(40), null, null, "t").getId();
      mine = runs.enqueue(datasetOfMine, settings(), "test").getId();
      others = runs.enqueue(datasetOfOthers, settings(), "test").getId();
      minePicked = runs.enqueue(datasetQueued, settings(), "test").getId();
      // the moment a node dies: its run RUNNING, the job picked by it with a fresh heartbeat
      runningOn(jdbc, mine, "node-r");
      runningOn(jdbc, others, "node-other");
      picked(jdbc, minePicked, "node-r"); // picked, not yet claimed: the run is still QUEUED
    }

    try (ConfigurableApplicationContext after = start(url, "node-r")) {
      TrainingRuns runs = after.getBean(TrainingRuns.class);
      JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);

      TrainingRun dead = runs.get(mine);
      assertThat(dead.getStatus()).isEqualTo(RunStatus.FAILED);
      assertThat(dead.getFailureReason())
          .isEqualTo("the server restarted while this run was training (node node-r)");
      assertThat(job(jdbc, mine)).as("the dead run's job is gone").isEmpty();

      assertThat(runs.get(others).getStatus())
          .as("another node's run")
          .isEqualTo(RunStatus.RUNNING);
      assertThat(job(jdbc, others)).containsExactly("node-other");

      assertThat(runs.get(minePicked).getStatus()).isEqualTo(RunStatus.QUEUED);
      assertThat(job(jdbc, minePicked)).as("put back for any node to pick").containsExactly("-");

      asAdmin();
      assertThatThrownBy(() -> runs.cancel(mine))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "run "
                  + mine
                  + " is not running: it FAILED (the server restarted while this run was training"
                  + " (node node-r))");
      TrainingRun again = runs.retrain(datasetOfMine, settings(), "admin");
      assertThat(again.getStatus()).isEqualTo(RunStatus.QUEUED);
    }
  }

  @Test
  void aRestartKeepsItsDefaultNodeNameAndTwoLiveNodesNeverShareOne() throws Exception {
    try (NodeNameLock first = NodeNameLock.acquire(dir, "build-7");
        NodeNameLock second = NodeNameLock.acquire(dir, "build-7")) {
      assertThat(first.name()).isEqualTo("build-7-1");
      assertThat(second.name()).isEqualTo("build-7-2");
    }
    try (NodeNameLock restarted = NodeNameLock.acquire(dir, "build-7")) {
      assertThat(restarted.name()).as("the name of the node that stopped").isEqualTo("build-7-1");
    }
    String longHost = "h".repeat(80);
    try (NodeNameLock lock = NodeNameLock.acquire(dir, longHost)) {
      assertThat(lock.name()).hasSizeLessThanOrEqualTo(NodeNameLock.MAX_NAME).endsWith("-1");
    }
  }

  private static ConfigurableApplicationContext start(String url, String node) {
    return new SpringApplicationBuilder(RelabelApplication.class)
        .profiles("worker")
        .run(
            "--spring.datasource.url=" + url,
            "--relabel.jobs.node-name=" + node,
            // the job engine stays off: only the start-up may end the runs
            "--relabel.jobs.enabled=false",
            "--relabel.bootstrap.admin-password=");
  }

  private static RunSettings settings() {
    return RunSettings.builder().epochs(1).batchSize(32).seed(1).device(DeviceChoice.CPU).build();
  }

  private static void runningOn(JdbcTemplate jdbc, long runId, String node) {
    jdbc.update(
        "update training_run set status = 'RUNNING', executed_by = ?, started_at = ? where id = ?",
        node,
        Timestamp.from(Instant.now()),
        runId);
    picked(jdbc, runId, node);
  }

  private static void picked(JdbcTemplate jdbc, long runId, String node) {
    int updated =
        jdbc.update(
            "update scheduled_tasks set picked = true, picked_by = ?, last_heartbeat = ?"
                + " where task_instance = ?",
            node,
            Timestamp.from(Instant.now()),
            "run-" + runId);
    assertThat(updated).as("the run's job").isEqualTo(1);
  }

  /** Who holds the run's job ("-" when nobody does), nothing when it has no job. */
  private static List<String> job(JdbcTemplate jdbc, long runId) {
    return jdbc.queryForList(
        "select coalesce(picked_by, '-') from scheduled_tasks where task_instance = ?",
        String.class,
        "run-" + runId);
  }

  private static void asAdmin() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
  }
}

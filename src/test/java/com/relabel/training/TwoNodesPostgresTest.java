package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.RelabelApplication;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.engine.DeviceChoice;
import com.relabel.flow.TestDatasets;
import com.relabel.flow.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database (passed in as {@code relabel.test.postgres.url}
 * by {@code ./relabel test}; without it this test fails, it is never silently skipped): a web node
 * and a {@code worker} node, each with its own job-engine name, polling the same job table. Every
 * queued run is trained exactly once, the worker takes its share, and a node that dies mid-run
 * leaves its run FAILED ("node died") and the queue as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresTest {

  static final int SAMPLES = 150;
  static final int EPOCHS = 2;

  private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();
  private final List<Long> datasetIds = new ArrayList<>();

  @BeforeAll
  void startTwoNodes() {
    String url = TestPostgres.url();
    RunHooks.reset();
    // A database of their own: other test contexts in this JVM run job engines on the shared one,
    // and would take a share of the runs.
    url = ownDatabase(url, "relabel_two_nodes_" + System.nanoTime());
    nodes.put("node-web", start(url, "node-web", new String[0], "server.port=0"));
    nodes.put("node-worker", start(url, "node-worker", new String[] {"worker"}));
  }

  /** Creates {@code name} on the server of {@code url} and returns the URL that points at it. */
  static String ownDatabase(String url, String name) {
    try (var connection =
            java.sql.DriverManager.getConnection(
                url, TestPostgres.migratingUser(), TestPostgres.migratingPassword());
        var statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " for the nodes", e);
    }
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1)
        + name
        + (query < 0 ? "" : url.substring(query));
  }

  private static ConfigurableApplicationContext start(
      String url, String name, String[] profiles, String... extra) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + TestPostgres.user(),
                "spring.datasource.password=" + TestPostgres.password(),
                "spring.flyway.user=" + TestPostgres.migratingUser(),
                "spring.flyway.password=" + TestPostgres.migratingPassword(),
                "relabel.jobs.node-name=" + name,
                "relabel.jobs.poll-interval=100ms",
                "relabel.jobs.heartbeat-interval=500ms",
                "relabel.jobs.missed-heartbeats=4"));
    properties.addAll(List.of(extra));
    // command-line arguments, so they win over application.properties
    return new SpringApplicationBuilder(RelabelApplication.class, RunHooks.class)
        .profiles(profiles)
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }

  @AfterAll
  void stopNodes() {
    RunHooks.releaseHung();
    nodes.values().forEach(ConfigurableApplicationContext::close);
  }

  private <T> T bean(String node, Class<T> type) {
    return nodes.get(node).getBean(type);
  }

  @Test
  @Order(1)
  void everyQueuedRunIsTrainedExactlyOnceByOneOfTheNodes() throws Exception {
    TrainingRuns runs = bean("node-web", TrainingRuns.class);
    List<Long> runIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Dataset dataset =
          bean("node-web", DatasetImporter.class)
              .importImages(
                  "two-nodes-" + System.nanoTime(), TestDatasets.mnist(SAMPLES), null, null, "t");
      datasetIds.add(dataset.getId());
    }
    for (long datasetId : datasetIds) {
      runIds.add(
          runs.enqueue(
                  datasetId,
                  RunSettings.builder()
                      .epochs(EPOCHS)
                      .batchSize(16)
                      .seed(1)
                      .device(DeviceChoice.CPU)
                      .build(),
                  "test")
              .getId());
    }
    JdbcTemplate jdbc = bean("node-web", JdbcTemplate.class);
    for (long runId : runIds) {
      TrainingRun run =
          RunWaits.until(runs, runId, r -> !r.getStatus().isActive(), Duration.ofMinutes(4));
      assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(RunHooks.STARTS.get(runId)).as("nodes that trained run " + runId).hasSize(1);
      assertThat(RunHooks.STARTS.get(runId).getFirst()).isEqualTo(run.getExecutedBy());
      assertThat(count(jdbc, "run_epoch", runId)).isEqualTo(EPOCHS);
      assertThat(count(jdbc, "sample_score", runId)).isEqualTo(SAMPLES);
    }
    Thread.sleep(1000);
    assertThat(runIds).allSatisfy(id -> assertThat(RunHooks.starts(id)).isOne());
    Set<String> executors =
        runIds.stream().map(id -> runs.get(id).getExecutedBy()).collect(Collectors.toSet());
    assertThat(executors).as("the worker node takes jobs too").contains("node-worker");
  }

  @Test
  @Order(2)
  void aNodeThatDiesMidRunLeavesTheRunFailedAndTheQueueUntouched() throws Exception {
    long datasetId = datasetIds.getFirst();
    long activeBefore = bean("node-web", DatasetService.class).get(datasetId).getActiveRunId();
    JdbcTemplate jdbc = bean("node-web", JdbcTemplate.class);
    List<Long> queueBefore = topOfQueue(jdbc, activeBefore);

    RunHooks.hangNextRun();
    long runId =
        bean("node-web", TrainingRuns.class)
            .enqueue(
                datasetId,
                RunSettings.builder()
                    .epochs(EPOCHS)
                    .batchSize(16)
                    .seed(1)
                    .device(DeviceChoice.CPU)
                    .build(),
                "test")
            .getId();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (RunHooks.hungOn() == null && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    String dead = RunHooks.hungOn();
    assertThat(dead).as("a node froze mid-run").isNotNull();
    assertThat(RunHooks.hungRun()).isEqualTo(runId);

    nodes.remove(dead).close(); // the node goes away; its heartbeats stop
    String survivor = nodes.keySet().iterator().next();

    TrainingRun run =
        RunWaits.until(
            bean(survivor, TrainingRuns.class),
            runId,
            r -> !r.getStatus().isActive(),
            Duration.ofMinutes(2));
    assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
    assertThat(run.getFailureReason())
        .isEqualTo("node died: " + dead + " stopped sending heartbeats");
    assertThat(run.getExecutedBy()).isEqualTo(dead);
    JdbcTemplate alive = bean(survivor, JdbcTemplate.class);
    assertThat(bean(survivor, DatasetService.class).get(datasetId).getActiveRunId())
        .isEqualTo(activeBefore);
    assertThat(topOfQueue(alive, activeBefore)).isEqualTo(queueBefore);
    assertThat(count(alive, "sample_score", runId)).isZero();
    assertThat(
            alive.queryForObject(
                "select count(*) from scheduled_tasks where task_instance = ?",
                Integer.class,
                "run-" + runId))
        .isZero();
    assertThat(RunHooks.starts(runId)).as("not revived on the survivor").isOne();
  }

  private static int count(JdbcTemplate jdbc, String table, long runId) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where run_id = ?", Integer.class, runId);
  }

  private static List<Long> topOfQueue(JdbcTemplate jdbc, long runId) {
    return jdbc.queryForList(
        "select sample_id from sample_score where run_id = ? order by score desc, sample_id"
            + " fetch first 30 rows only",
        Long.class,
        runId);
  }
}

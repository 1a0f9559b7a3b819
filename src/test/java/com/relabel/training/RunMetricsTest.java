package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The run gauges follow the progress snapshots: one per running run, gone when it ends. */
class RunMetricsTest {

  @Test
  void aRunningRunHasAProgressGaugeUntilItEnds() {
    var registry = new SimpleMeterRegistry();
    var events = new RunProgressEvents();
    new RunMetrics(registry, events);
    assertThat(registry.get(RunMetrics.RUNS_ACTIVE).gauge().value()).isZero();

    events.publish(snapshot(7, RunStatus.RUNNING, 0.25));
    events.publish(snapshot(8, RunStatus.RUNNING, 0.5));
    events.publish(snapshot(7, RunStatus.RUNNING, 0.75));
    assertThat(registry.get(RunMetrics.RUNS_ACTIVE).gauge().value()).isEqualTo(2);
    assertThat(registry.get(RunMetrics.RUN_PROGRESS).tag("run", "7").gauge().value())
        .isEqualTo(0.75);
    assertThat(
            registry
                .get(RunMetrics.RUN_PROGRESS)
                .tag("run", "8")
                .tag("dataset", "3")
                .gauge()
                .value())
        .isEqualTo(0.5);

    events.publish(snapshot(7, RunStatus.SUCCEEDED, 1));
    assertThat(registry.get(RunMetrics.RUNS_ACTIVE).gauge().value()).isEqualTo(1);
    assertThat(registry.find(RunMetrics.RUN_PROGRESS).tag("run", "7").gauge()).isNull();
    assertThat(registry.find(RunMetrics.RUN_PROGRESS).tag("run", "8").gauge()).isNotNull();
  }

  private static RunProgress snapshot(long runId, RunStatus status, double progress) {
    return new RunProgress(
        runId, 3, status, "training", 1, 5, progress, null, "cpu", Instant.now(), false, null);
  }
}

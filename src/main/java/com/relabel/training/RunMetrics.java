package com.relabel.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Training runs' metrics (decision 0033), from the progress snapshots every run executing on this
 * node publishes on {@link RunProgressEvents}: {@code relabel.runs.active} (runs running on this
 * node) and {@code relabel.run.progress} (share done, 0 to 1, tagged with the run and its dataset),
 * one gauge per running run, removed when the run ends.
 */
@Component
class RunMetrics {

  static final String RUN_PROGRESS = "relabel.run.progress";
  static final String RUNS_ACTIVE = "relabel.runs.active";

  private final MeterRegistry registry;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();

  RunMetrics(MeterRegistry registry, RunProgressEvents events) {
    this.registry = registry;
    Gauge.builder(RUNS_ACTIVE, running, Map::size)
        .description("Training runs executing on this node")
        .register(registry);
    events.subscribe(this::on);
  }

  void on(RunProgress progress) {
    if (progress.status() == RunStatus.RUNNING) {
      running
          .computeIfAbsent(progress.runId(), id -> new Running(progress, registry))
          .progress
          .set(progress.progress());
    } else {
      Running ended = running.remove(progress.runId());
      if (ended != null) {
        registry.remove(ended.gauge);
      }
    }
  }

  /** A running run's last share done and its gauge. */
  private static final class Running {
    final AtomicReference<Double> progress = new AtomicReference<>(0.0);
    final Gauge gauge;

    Running(RunProgress first, MeterRegistry registry) {
      gauge =
          Gauge.builder(RUN_PROGRESS, progress, AtomicReference::get)
              .description("Share of a running training run done, 0 to 1")
              .tag("run", Long.toString(first.runId()))
              .tag("dataset", Long.toString(first.datasetId()))
              .register(registry);
    }
  }
}

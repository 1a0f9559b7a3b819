package com.relabel.training;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The job engine: db-scheduler, keeping its jobs in the application's database (table {@code
 * scheduled_tasks}) so that several nodes share one queue and each job runs once. See
 * docs/decisions/0003-job-engine.md and 0012.
 *
 * <p>Every node can queue jobs; only nodes with {@code relabel.jobs.enabled=true} (the default)
 * execute them. A node that executes a job sends a heartbeat every {@code
 * relabel.jobs.heartbeat-interval}; after {@code relabel.jobs.missed-heartbeats} missed ones any
 * other node declares the job dead (see {@link TrainingRunJob}). Node names ({@code
 * relabel.jobs.node-name}, by default the host name, a tag of the database URL and a slot number
 * that a restart gets back, see {@link NodeNameLock}) must differ between nodes.
 */
@Configuration
class JobEngineConfig {

  private static final Logger log = LoggerFactory.getLogger(JobEngineConfig.class);

  private Scheduler scheduler;
  private boolean enabled;

  /**
   * The configured {@code relabel.jobs.node-name}, or else the host name, a tag of the database URL
   * and the lowest slot no live process of this host and database holds (see {@link NodeNameLock}):
   * stable across restarts, so a restarted node recognises its own unfinished runs ({@link
   * DeadRunsOfThisNode}).
   */
  @Bean(destroyMethod = "close")
  NodeNameLock nodeNameLock(
      @Value("${relabel.jobs.node-name:}") String configured,
      @Value("${relabel.jobs.node-lock-folder:}") String lockFolder,
      @Value("${spring.datasource.url:}") String databaseUrl) {
    if (!configured.isBlank()) {
      return NodeNameLock.configured(configured);
    }
    Path folder =
        lockFolder.isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "relabel-node-names")
            : Path.of(lockFolder);
    NodeNameLock lock =
        NodeNameLock.acquire(folder, NodeNameLock.stem(NodeNameLock.hostName(), databaseUrl));
    log.info("This node is {} in the job engine", lock.name());
    return lock;
  }

  @Bean
  NodeName nodeName(NodeNameLock lock) {
    return new NodeName(lock.name());
  }

  @Bean(destroyMethod = "stop")
  Scheduler scheduler(
      DataSource dataSource,
      List<Task<?>> tasks,
      NodeName node,
      @Value("${relabel.jobs.enabled:true}") boolean enabled,
      @Value("${relabel.jobs.poll-interval:2s}") Duration pollInterval,
      @Value("${relabel.jobs.threads:1}") int threads,
      @Value("${relabel.jobs.heartbeat-interval:10s}") Duration heartbeatInterval,
      @Value("${relabel.jobs.missed-heartbeats:6}") int missedHeartbeats) {
    this.enabled = enabled;
    scheduler =
        Scheduler.create(dataSource, tasks)
            .schedulerName(new SchedulerName.Fixed(node.name()))
            .pollingInterval(pollInterval)
            .threads(threads)
            .enableImmediateExecution()
            .heartbeatInterval(heartbeatInterval)
            .missedHeartbeatsLimit(missedHeartbeats)
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
    return scheduler;
  }

  /**
   * Jobs start only once the application is fully up (schema migrated, beans ready), and only on
   * nodes that execute jobs; the others still queue them through the same table.
   */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (enabled) {
      scheduler.start();
    } else {
      log.info("relabel.jobs.enabled=false: this node queues jobs but executes none");
    }
  }
}

package com.relabel.training;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The job engine: db-scheduler, keeping its jobs in the application's database (table {@code
 * scheduled_tasks}) so that several nodes share one queue and each job runs once. See
 * docs/decisions/0003-job-engine.md.
 */
@Configuration
class JobEngineConfig {

  private Scheduler scheduler;

  @Bean(destroyMethod = "stop")
  Scheduler scheduler(
      DataSource dataSource,
      List<Task<?>> tasks,
      @Value("${relabel.jobs.poll-interval:2s}") Duration pollInterval,
      @Value("${relabel.jobs.threads:1}") int threads) {
    scheduler =
        Scheduler.create(dataSource, tasks)
            .pollingInterval(pollInterval)
            .threads(threads)
            .enableImmediateExecution()
            .heartbeatInterval(Duration.ofSeconds(10))
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
    return scheduler;
  }

  /** Jobs start only once the application is fully up (schema migrated, beans ready). */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    scheduler.start();
  }
}

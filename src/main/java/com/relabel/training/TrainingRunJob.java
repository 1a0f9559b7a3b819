package com.relabel.training;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job-engine task that executes one training run; its data is the run id.
 *
 * <p>The executor ends every run itself (SUCCEEDED, FAILED or CANCELLED), so the job only fails
 * when even that could not be written (the database was gone): it is retried {@value #MAX_RETRIES}
 * times, a minute apart, and then dropped with the run marked failed. A job whose node stopped
 * sending heartbeats (it died mid-run) is not revived: its run is marked FAILED with "node died"
 * and the dataset keeps its active ranking (docs/decisions/0012).
 */
@Configuration
class TrainingRunJob {

  static final TaskDescriptor<Long> TASK = TaskDescriptor.of("training-run", Long.class);
  static final int MAX_RETRIES = 3;

  @Bean
  OneTimeTask<Long> trainingRunTask(TrainingRunExecutor executor) {
    return Tasks.oneTime(TASK)
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                MAX_RETRIES,
                new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)),
                (complete, operations) ->
                    executor.abandon(
                        (Long) complete.getExecution().taskInstance.getData(),
                        "the job failed "
                            + (MAX_RETRIES + 1)
                            + " times: "
                            + complete.getCause().map(Throwable::toString).orElse("?"))))
        .onDeadExecution(
            (complete, operations) -> {
              Long runId = (Long) complete.getExecution().taskInstance.getData();
              executor.abandon(
                  runId,
                  "node died: " + complete.getExecution().pickedBy + " stopped sending heartbeats");
              operations.remove();
            })
        .execute((instance, context) -> executor.execute(instance.getData()));
  }
}

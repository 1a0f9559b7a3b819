package com.relabel.training;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job-engine task that executes one training run; its data is the run id. */
@Configuration
class TrainingRunJob {

  static final TaskDescriptor<Long> TASK = TaskDescriptor.of("training-run", Long.class);

  @Bean
  OneTimeTask<Long> trainingRunTask(TrainingRunExecutor executor) {
    return Tasks.oneTime(TASK).execute((instance, context) -> executor.execute(instance.getData()));
  }
}

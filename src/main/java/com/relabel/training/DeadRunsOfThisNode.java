package com.relabel.training;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a node starts, the runs it still holds are dead: its job engine has not started yet, so
 * nothing of this process trains them. They are marked FAILED ("the server restarted while this run
 * was training") and their jobs released at once, before the application takes requests, instead of
 * after the minute other nodes need to find their heartbeats stale (issue 13). Retrain is then
 * accepted at once, and cancel answers that the run is not running.
 *
 * <p>"Its runs" are those whose {@code training_run.executed_by} or job {@code picked_by} is this
 * node's name, which a restart keeps ({@link NodeNameLock}). Runs of other nodes are not touched.
 * Runs every time a context starts, after the schema is migrated ({@link
 * SmartInitializingSingleton}: before the web server and the job engine start).
 */
@Component
class DeadRunsOfThisNode implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DeadRunsOfThisNode.class);

  private final JdbcTemplate jdbc;
  private final TrainingRunExecutor executor;
  private final NodeName node;

  DeadRunsOfThisNode(JdbcTemplate jdbc, TrainingRunExecutor executor, NodeName node) {
    this.jdbc = jdbc;
    this.executor = executor;
    this.node = node;
  }

  @Override
  public void afterSingletonsInstantiated() {
    clear();
  }

  /**
   * Fails this node's RUNNING runs, deletes the jobs of its runs that have ended and puts back the
   * jobs it had picked for runs still queued (they then run on whichever node polls first).
   *
   * @return how many runs were failed
   */
  int clear() {
    List<Long> running =
        jdbc.queryForList(
            "select id from training_run where status = 'RUNNING' and executed_by = ?",
            Long.class,
            node.name());
    for (long runId : running) {
      executor.abandon(
          runId, "the server restarted while this run was training (node " + node.name() + ")");
    }
    List<String> picked =
        jdbc.queryForList(
            "select task_instance from scheduled_tasks where task_name = ? and picked = true"
                + " and picked_by = ?",
            String.class,
            TrainingRunJob.TASK.getTaskName(),
            node.name());
    for (String instance : picked) {
      Long runId = runIdOf(instance);
      boolean queued =
          runId != null
              && !jdbc.queryForList(
                      "select id from training_run where id = ? and status = 'QUEUED'",
                      Long.class,
                      runId)
                  .isEmpty();
      if (queued) {
        jdbc.update(
            "update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null,"
                + " version = version + 1 where task_name = ? and task_instance = ?"
                + " and picked_by = ?",
            TrainingRunJob.TASK.getTaskName(),
            instance,
            node.name());
      } else {
        jdbc.update(
            "delete from scheduled_tasks where task_name = ? and task_instance = ?"
                + " and picked_by = ?",
            TrainingRunJob.TASK.getTaskName(),
            instance,
            node.name());
      }
    }
    if (!running.isEmpty() || !picked.isEmpty()) {
      log.warn(
          "Node {} restarted: failed its runs {} left RUNNING, released {} job(s) it held",
          node.name(),
          running,
          picked.size());
    }
    return running.size();
  }

  /** The run id in a job instance name {@code run-<id>}, or null for another name. */
  private static Long runIdOf(String instance) {
    if (instance.startsWith("run-")) {
      try {
        return Long.parseLong(instance.substring(4));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}

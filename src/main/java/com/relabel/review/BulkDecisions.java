package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleStatus;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One decision (confirm, correct to a label, exclude) applied to many samples of the queue grid: to
 * the rows a reviewer selected, or to everything matching a filter. Only open samples change; a
 * sample someone decided meanwhile is left alone and counted as skipped. Work is done in chunks of
 * {@code relabel.review.bulk-chunk} samples (500), each chunk one transaction with its audit rows
 * (decision 0008). On a dataset with consensus review (more than one review per sample) only admins
 * decide in bulk, and their decision is final.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class BulkDecisions {

  private final int chunkSize;

  private final DatasetService datasets;
  private final NamedParameterJdbcTemplate jdbc;
  private final DecisionWriter writer;
  private final TransactionTemplate writeTx;
  private final ReviewPolicies policies;

  BulkDecisions(
      DatasetService datasets,
      ReviewPolicies policies,
      NamedParameterJdbcTemplate jdbc,
      DecisionWriter writer,
      PlatformTransactionManager transactions,
      @Value("${relabel.review.bulk-chunk:500}") int chunkSize) {
    if (chunkSize < 1 || chunkSize > QueueBrowser.MAX_PAGE) {
      throw new IllegalArgumentException(
          "relabel.review.bulk-chunk must be 1.." + QueueBrowser.MAX_PAGE);
    }
    this.chunkSize = chunkSize;
    this.datasets = datasets;
    this.policies = policies;
    this.jdbc = jdbc;
    this.writer = writer;
    this.writeTx = new TransactionTemplate(transactions);
  }

  /**
   * Decides the selected rows that were open when the reviewer saw them. A row whose sample changed
   * since ({@link QueueRow#version()}) is skipped.
   *
   * @param label the new label for {@link ReviewAction#CORRECT}; ignored otherwise
   */
  public BulkResult decide(
      long datasetId, List<QueueRow> selection, ReviewAction action, int label) {
    String actor = CurrentUser.username();
    Long run = datasets.get(datasetId).getActiveRunId();
    Decision decision = decision(datasetId, run, action, label, actor);
    Map<Long, Long> seen = new LinkedHashMap<>();
    selection.stream()
        .filter(r -> r.status() == SampleStatus.OPEN)
        .forEach(r -> seen.put(r.sampleId(), r.version()));
    List<Long> ids = List.copyOf(seen.keySet());
    BulkResult total = new BulkResult(0, 0);
    for (int from = 0; from < ids.size(); from += chunkSize) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
      BulkResult done =
          writeTx.execute(
              tx -> {
                List<DecisionWriter.Target> targets = writer.targets(datasetId, run, chunk, seen);
                int applied = writer.apply(decision, targets);
                return new BulkResult(applied, chunk.size() - applied);
              });
      total = total.plus(done);
    }
    return total;
  }

  /**
   * Decides every open sample that matches {@code filter}, walking the matches in keyset chunks so
   * that a hundred thousand samples never sit in memory at once.
   */
  public BulkResult decideMatching(
      long datasetId, QueueFilter filter, String sortMethod, ReviewAction action, int label) {
    String actor = CurrentUser.username();
    String method = QueueBrowser.orEnsemble(sortMethod);
    Long run = QueueQuery.activeRun(datasets, jdbc, datasetId, method);
    Decision decision = decision(datasetId, run, action, label, actor);
    Set<SampleStatus> open = filter.openOnly();
    if (run == null || open.isEmpty()) {
      return new BulkResult(0, 0);
    }
    BulkResult total = new BulkResult(0, 0);
    Cursor after = null;
    while (true) {
      Cursor from = after;
      var chunk =
          writeTx.execute(
              tx -> {
                var query = new QueueQuery(datasetId, run, method, filter, open);
                List<DecisionWriter.Target> targets = writer.read(query, from, chunkSize);
                int applied = writer.apply(decision, targets);
                Cursor last = targets.isEmpty() ? null : targets.getLast().cursor();
                return new Chunk(
                    targets.size(), last, new BulkResult(applied, targets.size() - applied));
              });
      total = total.plus(chunk.result());
      if (chunk.size() < chunkSize) {
        return total;
      }
      after = chunk.last();
    }
  }

  private Decision decision(
      long datasetId, Long runId, ReviewAction action, int label, String actor) {
    if (!action.isChoice()) {
      throw new IllegalArgumentException("a bulk decision cannot " + action);
    }
    int required = policies.requiredReviewsOf(datasetId);
    if (required > 1 && !CurrentUser.hasRole(Roles.ADMIN)) {
      // With consensus review an annotator's decision is one vote: a bulk decision would
      // bypass the other reviewers. Admins decide finally, as when they resolve a dispute.
      throw new AccessDeniedException(
          "This dataset needs "
              + required
              + " agreeing reviews per sample: only an admin can decide samples in bulk.");
    }
    int classes = datasets.get(datasetId).getNumClasses();
    if (action == ReviewAction.CORRECT && (label < 0 || label >= classes)) {
      throw new IllegalArgumentException(
          "label " + label + " is outside the classes 0.." + (classes - 1));
    }
    return new Decision(datasetId, runId, action, label, actor, Instant.now());
  }

  /** What to apply, by whom and when. */
  record Decision(
      long datasetId, Long runId, ReviewAction action, int label, String actor, Instant at) {}

  private record Chunk(int size, Cursor last, BulkResult result) {}
}

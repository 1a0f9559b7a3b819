package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one chunk of a bulk decision inside the caller's transaction: a batched conditional UPDATE
 * (still open, still the version the reviewer saw) that bumps each sample's version, then one
 * {@link SamplesDecided} event for the samples that did change, from which the audit module writes
 * their rows in the same transaction.
 */
@Component
class DecisionWriter {

  private final NamedParameterJdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  DecisionWriter(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** A sample a bulk decision means to change, as it was when chosen. */
  record Target(
      long sampleId,
      int sampleIndex,
      int currentLabel,
      long version,
      Double score,
      Cursor cursor) {}

  /** The selected samples with their current labels, expecting the versions the reviewer saw. */
  List<Target> targets(
      long datasetId, Long runId, Collection<Long> sampleIds, Map<Long, Long> seenVersions) {
    var params =
        new MapSqlParameterSource()
            .addValue("dataset", datasetId)
            .addValue("run", runId == null ? -1L : runId)
            .addValue("ids", sampleIds);
    return jdbc.query(
        "select s.id, s.sample_index, s.current_label, sc.score from sample s"
            + " left join sample_score sc on sc.sample_id = s.id and sc.run_id = :run"
            + " where s.dataset_id = :dataset and s.id in (:ids) order by s.id",
        params,
        (rs, i) ->
            new Target(
                rs.getLong(1),
                rs.getInt(2),
                rs.getInt(3),
                seenVersions.get(rs.getLong(1)),
                (Double) rs.getObject(4),
                null));
  }

  /** The next {@code limit} matches of {@code query} after {@code after}. */
  List<Target> read(QueueQuery query, Cursor after, int limit) {
    return jdbc.query(
        query.page(after, limit),
        query.params(),
        (rs, i) -> {
          QueueRow row = QueueQuery.row(rs, i);
          return new Target(
              row.sampleId(),
              row.sampleIndex(),
              row.givenLabel(),
              row.version(),
              QueueQuery.ensembleScore(rs),
              row.cursor());
        });
  }

  /** Applies the decision to the targets still open at their version; returns how many changed. */
  int apply(BulkDecisions.Decision decision, List<Target> targets) {
    return apply(decision, targets, t -> decision.label());
  }

  /**
   * As {@link #apply(BulkDecisions.Decision, List)}, a correction giving each target the label
   * {@code correctTo} names for it (clean top K: each sample's own suggestion).
   */
  int apply(
      BulkDecisions.Decision decision, List<Target> targets, ToIntFunction<Target> correctTo) {
    if (targets.isEmpty()) {
      return 0;
    }
    var at = decision.at().atOffset(ZoneOffset.UTC);
    List<Object[]> rows = new ArrayList<>(targets.size());
    List<SampleDecided> decided = new ArrayList<>(targets.size());
    for (Target t : targets) {
      int label =
          decision.action() == ReviewAction.CORRECT ? correctTo.applyAsInt(t) : t.currentLabel();
      // correcting to the label it already has is a confirmation, as in ReviewService
      ReviewAction action =
          decision.action() == ReviewAction.CORRECT && label == t.currentLabel()
              ? ReviewAction.CONFIRM
              : decision.action();
      rows.add(
          new Object[] {
            action.resultingStatus().name(), label, decision.actor(), at, t.sampleId(), t.version()
          });
      decided.add(
          new SampleDecided(
              decision.datasetId(),
              t.sampleId(),
              t.sampleIndex(),
              decision.actor(),
              action,
              t.currentLabel(),
              label,
              SampleStatus.OPEN,
              action.resultingStatus(),
              t.score(),
              decision.runId(),
              decision.at()));
    }
    int[] counts =
        jdbc.getJdbcTemplate()
            .batchUpdate(
                "update sample set status = ?, current_label = ?, decided_by = ?,"
                    + " decided_at = ?, version = version + 1"
                    + " where id = ? and version = ? and status = 'OPEN'",
                rows);
    List<SampleDecided> changed = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        changed.add(decided.get(i));
      } else if (counts[i] != 0) {
        throw new IllegalStateException("the database did not report which samples changed");
      }
    }
    if (!changed.isEmpty()) {
      events.publishEvent(new SamplesDecided(changed));
    }
    return changed.size();
  }
}

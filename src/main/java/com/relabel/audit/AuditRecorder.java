package com.relabel.audit;

import com.relabel.review.SampleDecided;
import com.relabel.review.SamplesDecided;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail from domain events. Listens synchronously, so the audit row commits or
 * rolls back together with the label change that caused it.
 */
@Component
class AuditRecorder {

  private final AuditRepository entries;
  private final JdbcTemplate jdbc;

  AuditRecorder(AuditRepository entries, JdbcTemplate jdbc) {
    this.entries = entries;
    this.jdbc = jdbc;
  }

  @EventListener
  void on(SampleDecided e) {
    entries.save(
        new AuditEntry(
            e.occurredAt(),
            e.actor(),
            e.action().name(),
            e.datasetId(),
            e.sampleId(),
            e.sampleIndex(),
            e.oldLabel(),
            e.newLabel(),
            e.oldStatus().name(),
            e.newStatus().name(),
            e.score(),
            e.runId()));
  }

  /** A bulk decision: one row per changed sample, inserted as one JDBC batch. */
  @EventListener
  void on(SamplesDecided bulk) {
    jdbc.batchUpdate(
        "insert into audit_entry (occurred_at, actor, action, dataset_id, sample_id, sample_index,"
            + " old_label, new_label, old_status, new_status, score, run_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bulk.decisions(),
        bulk.decisions().size(),
        (ps, e) -> {
          ps.setObject(1, e.occurredAt().atOffset(ZoneOffset.UTC));
          ps.setString(2, e.actor());
          ps.setString(3, e.action().name());
          ps.setLong(4, e.datasetId());
          ps.setLong(5, e.sampleId());
          ps.setInt(6, e.sampleIndex());
          ps.setInt(7, e.oldLabel());
          ps.setInt(8, e.newLabel());
          ps.setString(9, e.oldStatus().name());
          ps.setString(10, e.newStatus().name());
          ps.setObject(11, e.score(), java.sql.Types.DOUBLE);
          ps.setObject(12, e.runId(), java.sql.Types.BIGINT);
        });
  }
}

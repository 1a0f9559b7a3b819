package com.relabel.audit;

import com.relabel.review.SampleDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail from domain events. Listens synchronously, so the audit row commits or
 * rolls back together with the label change that caused it.
 */
@Component
class AuditRecorder {

  private final AuditRepository entries;

  AuditRecorder(AuditRepository entries) {
    this.entries = entries;
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
}

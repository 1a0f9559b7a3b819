package com.relabel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One row of the append-only audit trail: who changed what, when, and what flagged it. Immutable:
 * {@link AuditRecorder} inserts these rows, linked into a hash chain ({@link AuditChain}), and
 * nothing updates or deletes them.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(nullable = false, length = 16)
  private String action;

  @Column(name = "dataset_id", nullable = false)
  private long datasetId;

  @Column(name = "sample_id", nullable = false)
  private long sampleId;

  @Column(name = "sample_index", nullable = false)
  private int sampleIndex;

  @Column(name = "old_label", nullable = false)
  private int oldLabel;

  @Column(name = "new_label", nullable = false)
  private int newLabel;

  @Column(name = "old_status", nullable = false, length = 16)
  private String oldStatus;

  @Column(name = "new_status", nullable = false, length = 16)
  private String newStatus;

  private Double score;

  @Column(name = "run_id")
  private Long runId;

  /** A reviewer's comment (action COMMENT); null on every other row. */
  @Column(length = 500)
  private String note;

  protected AuditEntry() {}

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public long getDatasetId() {
    return datasetId;
  }

  public long getSampleId() {
    return sampleId;
  }

  public int getSampleIndex() {
    return sampleIndex;
  }

  public int getOldLabel() {
    return oldLabel;
  }

  public int getNewLabel() {
    return newLabel;
  }

  public String getOldStatus() {
    return oldStatus;
  }

  public String getNewStatus() {
    return newStatus;
  }

  public Double getScore() {
    return score;
  }

  public Long getRunId() {
    return runId;
  }

  public String getNote() {
    return note;
  }
}

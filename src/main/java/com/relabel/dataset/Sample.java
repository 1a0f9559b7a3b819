package com.relabel.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One sample's labels and review state. The content (pixels, text) lives apart in {@code
 * sample_content} so that queue queries never read it. Every label change goes through {@link
 * #decide} and is guarded by the {@code version} column (optimistic locking).
 */
@Entity
@Table(name = "sample")
public class Sample {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private Long datasetId;

  @Column(name = "sample_index", nullable = false)
  private int sampleIndex;

  @Column(name = "external_id", length = 500)
  private String externalId;

  @Column(name = "original_label", nullable = false)
  private int originalLabel;

  @Column(name = "current_label", nullable = false)
  private int currentLabel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SampleStatus status;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version private long version;

  protected Sample() {}

  /** Records a reviewer's decision: the new label and status, who and when. */
  public void decide(SampleStatus newStatus, int newLabel, String actor, Instant at) {
    if (!newStatus.isFinal()) {
      throw new IllegalArgumentException("a decision is confirmed, corrected or excluded");
    }
    this.status = newStatus;
    this.currentLabel = newLabel;
    this.decidedBy = actor;
    this.decidedAt = at;
  }

  /**
   * Consensus review: the votes disagree, so the sample leaves the annotators' queue for an admin
   * to decide. The label stays as it was.
   */
  public void dispute() {
    if (status != SampleStatus.OPEN) {
      throw new IllegalStateException("only an open sample can be disputed");
    }
    this.status = SampleStatus.DISPUTED;
    this.decidedBy = null;
    this.decidedAt = null;
  }

  /** Takes a decision back: the sample is open again, with the label it had before. */
  public void reopen(int label) {
    this.status = SampleStatus.OPEN;
    this.currentLabel = label;
    this.decidedBy = null;
    this.decidedAt = null;
  }

  public Long getId() {
    return id;
  }

  public Long getDatasetId() {
    return datasetId;
  }

  public int getSampleIndex() {
    return sampleIndex;
  }

  public String getExternalId() {
    return externalId;
  }

  public int getOriginalLabel() {
    return originalLabel;
  }

  public int getCurrentLabel() {
    return currentLabel;
  }

  public SampleStatus getStatus() {
    return status;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public long getVersion() {
    return version;
  }
}

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

/** A labelled dataset: its shape, its classes, and the run that ranks its review queue. */
@Entity
@Table(name = "dataset")
public class Dataset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DatasetKind kind;

  @Column(name = "num_classes", nullable = false)
  private int numClasses;

  @Column(name = "image_height")
  private Integer imageHeight;

  @Column(name = "image_width")
  private Integer imageWidth;

  @Column(name = "image_channels")
  private Integer imageChannels;

  @Column(length = 1000)
  private String source;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "active_run_id")
  private Long activeRunId;

  /** Text datasets: what the classifier learns from; null (imported before V26) = hashed. */
  @Enumerated(EnumType.STRING)
  @Column(name = "text_features", length = 16)
  private TextFeatures textFeatures;

  /**
   * The length of the team's own vectors attached to the samples; null when none (decision 0044).
   */
  @Column(name = "embedding_dimension")
  private Integer embeddingDimension;

  /** Whether runs learn from (and search neighbours among) the own vectors (decision 0044). */
  @Column(name = "trains_on_embeddings", nullable = false)
  private boolean trainsOnEmbeddings;

  @Version private long version;

  protected Dataset() {}

  Dataset(String name, DatasetKind kind, int numClasses, String source) {
    this.name = name;
    this.kind = kind;
    this.numClasses = numClasses;
    this.source = source;
    this.createdAt = Instant.now();
  }

  void setImageShape(int height, int width, int channels) {
    this.imageHeight = height;
    this.imageWidth = width;
    this.imageChannels = channels;
  }

  void setTextFeatures(TextFeatures features) {
    this.textFeatures = features;
  }

  /** What a text dataset's classifier learns from; {@link TextFeatures#HASHED} for older ones. */
  public TextFeatures getTextFeatures() {
    return textFeatures == null ? TextFeatures.HASHED : textFeatures;
  }

  /** The length of the own vectors attached to the samples, or null when none are. */
  public Integer getEmbeddingDimension() {
    return embeddingDimension;
  }

  /** Whether runs train on the own vectors instead of the pixels or the text features. */
  public boolean trainsOnEmbeddings() {
    return trainsOnEmbeddings;
  }

  /** Makes {@code runId}'s scores rank the queue. */
  public void activateRun(long runId) {
    this.activeRunId = runId;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public DatasetKind getKind() {
    return kind;
  }

  public int getNumClasses() {
    return numClasses;
  }

  public Integer getImageHeight() {
    return imageHeight;
  }

  public Integer getImageWidth() {
    return imageWidth;
  }

  public Integer getImageChannels() {
    return imageChannels;
  }

  public String getSource() {
    return source;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Long getActiveRunId() {
    return activeRunId;
  }
}

package com.relabel.training;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a run is, as {@code training_run} stores it about once a second while it trains ({@link
 * RunProgressRecorder}): the phase, the epoch, the share done and the throughput. All null while
 * queued.
 */
@Embeddable
public class RunPhase {

  @Column(name = "phase", length = 64)
  private String name;

  @Column(name = "current_epoch")
  private Integer epoch;

  @Column(name = "progress")
  private Double progress;

  @Column(name = "samples_per_second")
  private Double samplesPerSecond;

  void set(String name, Integer epoch, double progress, Double samplesPerSecond) {
    this.name = name;
    this.epoch = epoch;
    this.progress = progress;
    this.samplesPerSecond = samplesPerSecond;
  }

  /** Enters phase {@code name} at {@code progress}; the epoch and the throughput stay. */
  void moveTo(String name, double progress) {
    this.name = name;
    this.progress = progress;
  }

  /** "training", "cross-validation", …, "done". */
  public String getName() {
    return name;
  }

  public Integer getEpoch() {
    return epoch;
  }

  /** The share done, 0 to 1. */
  public Double getProgress() {
    return progress;
  }

  public Double getSamplesPerSecond() {
    return samplesPerSecond;
  }
}

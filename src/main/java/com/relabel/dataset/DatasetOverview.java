package com.relabel.dataset;

/** A dataset with its review progress, for lists and headers. */
public record DatasetOverview(
    long id,
    String name,
    DatasetKind kind,
    int numClasses,
    long samples,
    long open,
    long confirmed,
    long corrected,
    long excluded,
    Long activeRunId) {

  public long decided() {
    return confirmed + corrected + excluded;
  }
}

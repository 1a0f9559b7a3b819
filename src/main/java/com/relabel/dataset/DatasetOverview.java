package com.relabel.dataset;

/**
 * A dataset with its review progress, for lists and headers. {@code ownEmbeddingDimension} is the
 * length of the vectors a team attached (decision 0044), null when it has none; {@code
 * trainsOnOwnEmbeddings} whether the next run learns from them.
 */
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
    Long activeRunId,
    Integer ownEmbeddingDimension,
    boolean trainsOnOwnEmbeddings) {

  public long decided() {
    return confirmed + corrected + excluded;
  }
}

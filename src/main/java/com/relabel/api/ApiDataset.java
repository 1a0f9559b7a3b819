package com.relabel.api;

import com.relabel.dataset.DatasetOverview;
import java.util.List;

/**
 * A dataset as the REST API shows it: its classes (label {@code i} is {@code classes[i]}) and its
 * review progress; {@code activeRunId} is the run that ranks its queue, null before the first.
 * {@code ownEmbeddingDimension} is the length of the team's own vectors (decision 0044), null when
 * none are attached; {@code trainsOnOwnEmbeddings} whether a run that starts now learns from them
 * (a run keeps the choice and vectors it read when it started).
 */
record ApiDataset(
    long id,
    String name,
    String kind,
    List<String> classes,
    long samples,
    long open,
    long confirmed,
    long corrected,
    long excluded,
    Long activeRunId,
    Integer ownEmbeddingDimension,
    boolean trainsOnOwnEmbeddings) {

  static ApiDataset of(DatasetOverview overview, List<String> classes) {
    return new ApiDataset(
        overview.id(),
        overview.name(),
        overview.kind().name(),
        classes,
        overview.samples(),
        overview.open(),
        overview.confirmed(),
        overview.corrected(),
        overview.excluded(),
        overview.activeRunId(),
        overview.ownEmbeddingDimension(),
        overview.trainsOnOwnEmbeddings());
  }
}

package com.relabel.api;

import com.relabel.dataset.DatasetOverview;
import java.util.List;

/**
 * A dataset as the REST API shows it: its classes (label {@code i} is {@code classes[i]}) and its
 * review progress; {@code activeRunId} is the run that ranks its queue, null before the first.
 * {@code ownEmbeddingDimension} is the length of the team's own vectors (decision 0044), null when
 * none are attached; {@code trainsOnOwnEmbeddings} whether a run that starts now learns from them
 * (a run keeps the choice and vectors it read when it started).
 *
 * <p>Its fields repeat {@code DatasetOverview}'s on purpose: the overview unwrapped into this
 * record ({@code @JsonUnwrapped}, {@code numClasses} ignored) answers the same JSON, but the API
 * description then lists {@code numClasses}, which no answer carries ({@code RestApiTest} checks
 * the answer and the description against one list).
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

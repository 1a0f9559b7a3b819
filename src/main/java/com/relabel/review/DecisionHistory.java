package com.relabel.review;

import java.util.List;
import java.util.Optional;

/**
 * Where a sample's earlier decisions are kept. The audit module implements it from its trail (it
 * already depends on this module through {@link SampleDecided}), so the review module reads the
 * history without depending on the audit module.
 */
public interface DecisionHistory {

  /** Every decision and undo on the sample, oldest first. */
  List<PastDecision> forSample(long sampleId);

  /** The reviewer's newest decision, vote or undo in the dataset, if any. */
  Optional<LastDecision> lastBy(String actor, long datasetId);
}

package com.relabel.review;

/**
 * An issue other than a wrong label that the run found in its embeddings (decision 0043).
 *
 * @param kind a near-duplicate of another sample, or an outlier far from every class
 * @param otherSampleIndex the other sample of a near-duplicate pair; null for an outlier
 * @param otherLabel that sample's current label; null for an outlier
 * @param distance the cosine distance to the other sample, or to the nearest class centroid
 */
public record SampleIssue(
    Kind kind, Integer otherSampleIndex, Integer otherLabel, double distance) {

  /** The kinds, as {@code sample_issue.kind} stores them. */
  public enum Kind {
    NEAR_DUPLICATE,
    OUTLIER
  }
}

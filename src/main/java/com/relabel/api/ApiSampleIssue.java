package com.relabel.api;

import com.relabel.review.SampleIssue;
import java.util.List;

/**
 * An issue other than a wrong label that the active run found for a sample (decision 0043): {@code
 * kind} {@code near_duplicate} or {@code outlier}. For a near-duplicate, {@code sample} is the
 * other sample's number (as in {@code review/{id}?sample=N}, exports and audit), {@code label} its
 * current label and {@code otherLabel} whether that differs from this sample's; all three are null
 * for an outlier. {@code distance} is the cosine distance to the other sample, or to the nearest
 * class.
 */
record ApiSampleIssue(
    String kind, Integer sample, Integer label, Boolean otherLabel, double distance) {

  static List<ApiSampleIssue> of(List<SampleIssue> issues, int currentLabel) {
    return issues.stream().map(i -> of(i, currentLabel)).toList();
  }

  private static ApiSampleIssue of(SampleIssue issue, int currentLabel) {
    boolean pair = issue.kind() == SampleIssue.Kind.NEAR_DUPLICATE;
    return new ApiSampleIssue(
        issue.kind().name().toLowerCase(java.util.Locale.ROOT),
        issue.otherSampleIndex(),
        issue.otherLabel(),
        pair ? issue.otherLabel() != currentLabel : null,
        issue.distance());
  }
}

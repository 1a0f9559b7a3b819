package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import com.relabel.scoring.CartographyRegion;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which samples of the queue grid to show. Every part is optional ({@code null}, or an empty status
 * set): an empty filter matches every scored sample of the active run.
 *
 * @param given the sample's current (given) label
 * @param suggested the label the ensemble suggests
 * @param statuses one or several review statuses; empty = any
 * @param minScore lowest score shown, inclusive (the score of the method the grid is sorted by)
 * @param maxScore highest score shown, inclusive
 * @param region the cartography region of the active run
 * @param flaggedBy a method that put the sample in its top k
 * @param decidedBy the user who decided the sample
 * @param issue an issue other than a wrong label the run found (decision 0043)
 */
public record QueueFilter(
    Integer given,
    Integer suggested,
    Set<SampleStatus> statuses,
    Double minScore,
    Double maxScore,
    CartographyRegion region,
    String flaggedBy,
    String decidedBy,
    QueueIssue issue) {

  /** Validates the parts and keeps an immutable copy of the statuses. */
  public QueueFilter {
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    flaggedBy = blankToNull(flaggedBy);
    decidedBy = blankToNull(decidedBy);
    if (given != null && given < 0) {
      throw new IllegalArgumentException("the given label must be 0 or more, not " + given);
    }
    if (suggested != null && suggested < 0) {
      throw new IllegalArgumentException("the suggested label must be 0 or more, not " + suggested);
    }
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new IllegalArgumentException(
          "the score range is empty: min " + minScore + " > max " + maxScore);
    }
    if (minScore != null && !Double.isFinite(minScore)
        || maxScore != null && !Double.isFinite(maxScore)) {
      throw new IllegalArgumentException("a score bound must be a finite number");
    }
  }

  /** Matches everything. */
  public static QueueFilter none() {
    return new QueueFilter(null, null, Set.of(), null, null, null, null, null, null);
  }

  public QueueFilter withGiven(Integer label) {
    return new QueueFilter(
        label, suggested, statuses, minScore, maxScore, region, flaggedBy, decidedBy, issue);
  }

  public QueueFilter withSuggested(Integer label) {
    return new QueueFilter(
        given, label, statuses, minScore, maxScore, region, flaggedBy, decidedBy, issue);
  }

  public QueueFilter withStatuses(Set<SampleStatus> s) {
    return new QueueFilter(
        given, suggested, s, minScore, maxScore, region, flaggedBy, decidedBy, issue);
  }

  public QueueFilter withScoreRange(Double min, Double max) {
    return new QueueFilter(
        given, suggested, statuses, min, max, region, flaggedBy, decidedBy, issue);
  }

  public QueueFilter withRegion(CartographyRegion r) {
    return new QueueFilter(
        given, suggested, statuses, minScore, maxScore, r, flaggedBy, decidedBy, issue);
  }

  public QueueFilter withFlaggedBy(String method) {
    return new QueueFilter(
        given, suggested, statuses, minScore, maxScore, region, method, decidedBy, issue);
  }

  public QueueFilter withDecidedBy(String user) {
    return new QueueFilter(
        given, suggested, statuses, minScore, maxScore, region, flaggedBy, user, issue);
  }

  public QueueFilter withIssue(QueueIssue i) {
    return new QueueFilter(
        given, suggested, statuses, minScore, maxScore, region, flaggedBy, decidedBy, i);
  }

  /**
   * The statuses this filter admits, intersected with {@code OPEN}: what a bulk decision may touch.
   * Empty when the filter excludes open samples.
   */
  Set<SampleStatus> openOnly() {
    return statuses.isEmpty() || statuses.contains(SampleStatus.OPEN)
        ? EnumSet.of(SampleStatus.OPEN)
        : Set.of();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

package com.relabel.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The queue's filter on issues other than a wrong label (decision 0043): samples with a
 * near-duplicate, with a near-duplicate that carries another label, or outliers. The grid's {@code
 * ?issue=} and the API's {@code issue} parameter name them alike: {@link #parameter()}.
 */
public enum QueueIssue {
  NEAR_DUPLICATE("near-duplicate", "i.kind = 'NEAR_DUPLICATE'"),
  DUPLICATE_OTHER_LABEL(
      "near-duplicate, other label",
      "i.kind = 'NEAR_DUPLICATE' and exists (select 1 from sample dup, sample own"
          + " where dup.id = i.other_sample_id and own.id = i.sample_id"
          + " and dup.current_label <> own.current_label)"),
  OUTLIER("outlier", "i.kind = 'OUTLIER'");

  private final String caption;
  private final String condition;

  QueueIssue(String caption, String condition) {
    this.caption = caption;
    this.condition = condition;
  }

  public String caption() {
    return caption;
  }

  /** The name in a URL or API parameter: {@code near_duplicate}, {@code outlier}, ... */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The issue a parameter names, in any case.
   *
   * @throws IllegalArgumentException naming the known values
   */
  public static QueueIssue of(String parameter) {
    for (QueueIssue issue : values()) {
      if (issue.parameter().equalsIgnoreCase(parameter.strip())) {
        return issue;
      }
    }
    throw new IllegalArgumentException(
        "unknown issue '"
            + parameter
            + "'; known: "
            + Arrays.stream(values()).map(QueueIssue::parameter).collect(Collectors.joining(", ")));
  }

  /** How many samples have this issue in the run {@code :run}. */
  String countSql() {
    return "select count(distinct i.sample_id) from sample_issue i where i.run_id = :run and "
        + condition;
  }

  /** The where clause: the sample ({@code s}) has such an issue in the ranked run ({@code sc}). */
  String sql() {
    return sql("sc.run_id", "s.id");
  }

  /**
   * The where clause for any query: the sample whose id is the expression {@code sampleId} has such
   * an issue in the run {@code runId} (a column or a named parameter).
   */
  String sql(String runId, String sampleId) {
    return "exists (select 1 from sample_issue i where i.run_id = "
        + runId
        + " and i.sample_id = "
        + sampleId
        + " and "
        + condition
        + ")";
  }
}

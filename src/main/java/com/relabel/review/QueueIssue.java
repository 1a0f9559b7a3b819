package com.relabel.review;

/**
 * The queue grid's filter on issues other than a wrong label (decision 0043): samples with a
 * near-duplicate, with a near-duplicate that carries another label, or outliers.
 */
public enum QueueIssue {
  NEAR_DUPLICATE("near-duplicate", "i.kind = 'NEAR_DUPLICATE'"),
  DUPLICATE_OTHER_LABEL(
      "near-duplicate, other label",
      "i.kind = 'NEAR_DUPLICATE' and exists (select 1 from sample o"
          + " where o.id = i.other_sample_id and o.current_label <> s.current_label)"),
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

  /** The where clause: the sample ({@code s}) has such an issue in the ranked run ({@code sc}). */
  String sql() {
    return "exists (select 1 from sample_issue i where i.run_id = sc.run_id"
        + " and i.sample_id = s.id and "
        + condition
        + ")";
  }
}

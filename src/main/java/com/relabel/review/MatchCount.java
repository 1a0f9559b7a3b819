package com.relabel.review;

/**
 * How many samples match a filter, counted exactly up to a cap so that counting stays fast on a
 * million samples: {@code exact == false} means "at least {@code value}".
 */
public record MatchCount(long value, boolean exact) {

  /** "1,234" or "10,000+". */
  public String display() {
    return String.format("%,d", value) + (exact ? "" : "+");
  }
}

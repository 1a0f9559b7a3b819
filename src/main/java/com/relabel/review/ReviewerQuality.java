package com.relabel.review;

/**
 * One reviewer's votes in consensus review: how many, how many of those on samples now final were
 * overturned (the final label differs from the vote: by the consensus or by an admin's resolution),
 * and how often the vote agreed with another reviewer's vote on the same sample.
 */
public record ReviewerQuality(
    String reviewer, int decisions, int settled, int overturned, int pairs, int agreeingPairs) {

  /** The share of the settled votes that the final label overturned; NaN when none is settled. */
  public double overturnedShare() {
    return settled == 0 ? Double.NaN : (double) overturned / settled;
  }

  /** The share of vote pairs with others that agreed; NaN when nobody else voted on the same. */
  public double agreement() {
    return pairs == 0 ? Double.NaN : (double) agreeingPairs / pairs;
  }
}

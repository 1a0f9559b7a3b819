package com.relabel.review;

import java.util.List;

/**
 * How far a dataset's reviewers agree: a kappa over the samples reviewed at least twice ({@code
 * measure} says which: Cohen's when every such sample has exactly two votes, Fleiss' otherwise),
 * the number of samples it stands on, and each reviewer's record. {@code kappa} is NaN when there
 * is nothing to compute it on, or every vote fell in one category.
 */
public record DatasetAgreement(
    String measure, double kappa, int samples, List<ReviewerQuality> reviewers) {

  public static final String COHEN = "Cohen's kappa";
  public static final String FLEISS = "Fleiss' kappa";

  public boolean hasKappa() {
    return !Double.isNaN(kappa);
  }
}

package com.relabel.review;

import java.util.List;

/**
 * How far a dataset's reviewers agree: a kappa over the samples reviewed at least twice ({@code
 * measure} says which: Cohen's when every such sample has exactly two votes, Fleiss' otherwise),
 * Krippendorff's alpha (nominal) over the same samples, the number of samples they stand on, and
 * each reviewer's record. {@code kappa} and {@code alpha} are NaN when there is nothing to compute
 * them on, or every vote fell in one category.
 */
public record DatasetAgreement(
    String measure, double kappa, double alpha, int samples, List<ReviewerQuality> reviewers) {

  public static final String COHEN = "Cohen's kappa";
  public static final String FLEISS = "Fleiss' kappa";

  public boolean hasKappa() {
    return !Double.isNaN(kappa);
  }

  public boolean hasAlpha() {
    return !Double.isNaN(alpha);
  }
}

package com.relabel.api;

import com.relabel.review.DatasetAgreement;
import com.relabel.review.ReviewerQuality;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A dataset's inter-annotator agreement and reviewer records, as the REST API shows them. */
@Schema(
    description =
        "Agreement between reviewers on the samples voted on at least twice (consensus review),"
            + " and each reviewer's votes")
record ApiAgreement(
    @Schema(description = "\"Cohen's kappa\" (every sample two votes) or \"Fleiss' kappa\"")
        String measure,
    @Schema(
            description = "The kappa; null when no sample has two votes or every vote was the same",
            nullable = true)
        Double kappa,
    @Schema(
            description =
                "Krippendorff's alpha (nominal) on the same samples, any number of votes each;"
                    + " null when no sample has two votes or every vote was the same",
            nullable = true)
        Double alpha,
    @Schema(description = "Samples with at least two votes, which the kappa and alpha stand on")
        int samples,
    List<Reviewer> reviewers) {

  @Schema(description = "One reviewer's votes")
  record Reviewer(
      String reviewer,
      @Schema(description = "Votes cast") int decisions,
      @Schema(description = "Votes on samples that are final now") int settled,
      @Schema(description = "Settled votes that differ from the final label") int overturned,
      @Schema(description = "overturned / settled; null when none is settled", nullable = true)
          Double overturnedShare,
      @Schema(
              description =
                  "Share of pairs with another reviewer's vote on the same sample that agree;"
                      + " null without such pairs",
              nullable = true)
          Double agreement) {}

  static ApiAgreement of(DatasetAgreement a) {
    return new ApiAgreement(
        a.measure(),
        orNull(a.kappa()),
        orNull(a.alpha()),
        a.samples(),
        a.reviewers().stream().map(ApiAgreement::reviewer).toList());
  }

  private static Reviewer reviewer(ReviewerQuality q) {
    return new Reviewer(
        q.reviewer(),
        q.decisions(),
        q.settled(),
        q.overturned(),
        orNull(q.overturnedShare()),
        orNull(q.agreement()));
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}

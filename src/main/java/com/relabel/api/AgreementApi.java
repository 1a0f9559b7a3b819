package com.relabel.api;

import com.relabel.review.ReviewAgreement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Inter-annotator agreement of a dataset (admins and annotators, as its progress). */
@RestController
@Tag(name = "Datasets")
class AgreementApi {

  private final ReviewAgreement agreement;

  AgreementApi(ReviewAgreement agreement) {
    this.agreement = agreement;
  }

  @GetMapping("/api/v1/datasets/{datasetId}/agreement")
  @Operation(
      summary = "Agreement between reviewers and each reviewer's record (consensus review)",
      description =
          "Cohen's kappa when every sample voted on more than once has exactly two votes, Fleiss'"
              + " kappa otherwise, with the number of samples; per reviewer: votes, votes"
              + " overturned by the final label, agreement with the others' votes.")
  ApiAgreement get(@PathVariable long datasetId) {
    return ApiAgreement.of(agreement.of(datasetId));
  }
}

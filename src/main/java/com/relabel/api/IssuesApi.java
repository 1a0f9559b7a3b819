package com.relabel.api;

import com.relabel.dataset.DatasetService;
import com.relabel.review.SampleIssues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issues other than a wrong label at a glance (decision 0043): how many near-duplicates,
 * near-duplicates with another label and outliers the active run found, for a pipeline to check
 * before it reviews them with {@code review/next?issue=}.
 */
@RestController
@Tag(name = "Review")
class IssuesApi {

  private final DatasetService datasets;
  private final SampleIssues issues;

  IssuesApi(DatasetService datasets, SampleIssues issues) {
    this.datasets = datasets;
    this.issues = issues;
  }

  @GetMapping("/api/v1/datasets/{datasetId}/issues")
  @Operation(
      summary = "How many samples the active run flags as near-duplicates or outliers",
      description =
          "Counts of samples, as review/next?issue= filters them: nearDuplicate (near_duplicate),"
              + " duplicateOtherLabel (a near-duplicate carries another label) and outlier; all 0"
              + " before the first run.")
  ApiIssueCounts counts(@PathVariable long datasetId) {
    Long runId = datasets.get(datasetId).getActiveRunId();
    return ApiIssueCounts.of(datasetId, runId, runId == null ? Map.of() : issues.counts(runId));
  }
}

package com.relabel.api;

import com.relabel.dataset.DatasetService;
import com.relabel.review.Decision;
import com.relabel.review.QueueIssue;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.review.ReviewUndo;
import com.relabel.review.SampleIssues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Reviewing over the API, for labelling tools and load tests: the same queue, leases, version
 * check, consensus votes, undo rule and audit rows as the review view, through the same services
 * (decision 0034). Samples are named by their number in the dataset, as everywhere else.
 */
@RestController
@RequestMapping("/api/v1/datasets/{datasetId}/review")
@Tag(name = "Review")
class ReviewApi {

  private final ReviewService reviews;
  private final ReviewUndo undo;
  private final DatasetService datasets;
  private final SampleIssues issues;

  ReviewApi(ReviewService reviews, ReviewUndo undo, DatasetService datasets, SampleIssues issues) {
    this.reviews = reviews;
    this.undo = undo;
    this.datasets = datasets;
    this.issues = issues;
  }

  @GetMapping("/next")
  @Operation(
      summary =
          "Lease the next sample of the review queue to the token's user (204: none left; 503"
              + " with Retry-After: others took every open sample first, ask again)",
      description =
          "The most suspicious open sample that nobody else holds and the caller has not voted"
              + " on, leased to the caller as the review view does. skipped: sample numbers to"
              + " leave out (the ones the caller skipped); ranking: ensemble (default) or a"
              + " method's name; issue: only samples the run flags as near_duplicate,"
              + " duplicate_other_label (a near-duplicate carries another label) or outlier, as"
              + " the queue grid's Issue filter. The answer lists the sample's issues.")
  ResponseEntity<ApiQueueSample> next(
      @PathVariable long datasetId,
      @RequestParam(required = false) List<Integer> skipped,
      @RequestParam(defaultValue = ReviewService.ENSEMBLE) String ranking,
      @RequestParam(required = false) String issue) {
    QueueIssue only = issue == null || issue.isBlank() ? null : issue(issue);
    if (!ReviewService.ENSEMBLE.equals(ranking)
        && !reviews.rankingMethods(datasetId).contains(ranking)) {
      throw new IllegalArgumentException(
          "parameter 'ranking': unknown method '"
              + ranking
              + "'; known: "
              + String.join(", ", reviews.rankingMethods(datasetId)));
    }
    List<Long> passed =
        skipped == null ? List.of() : skipped.stream().map(n -> sampleId(datasetId, n)).toList();
    return reviews
        .next(datasetId, passed, ranking, only)
        .map(
            item ->
                ResponseEntity.ok(
                    ApiQueueSample.of(
                        datasetId,
                        item,
                        datasets.classNames(datasetId),
                        reviews.leaseExpiry(item.sampleId()).orElse(null),
                        issues.of(item.runId(), item.sampleId()))))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PostMapping("/{sample}/decision")
  @Operation(
      summary = "Confirm, correct, exclude or skip a sample (409: decided meanwhile, or stale)",
      description =
          "Body: {\"action\": \"confirm\"|\"correct\"|\"exclude\"|\"skip\", \"label\": class"
              + " index (correct only), \"version\": the version review/next returned}. Skip"
              + " records nothing and gives the lease up.")
  ApiDecision decide(
      @PathVariable long datasetId,
      @PathVariable int sample,
      @RequestBody(required = false) JsonNode body) {
    DecisionRequest asked = DecisionRequest.of(body);
    QueueItem now = scored(datasetId, sample);
    if (asked.skip()) {
      reviews.release(now);
      return ApiDecision.skipped(now.sampleIndex(), now.version(), now.currentLabel());
    }
    ReviewAction choice = asked.choice(datasets.get(datasetId).getNumClasses());
    int label = asked.label() == null ? -1 : asked.label();
    Decision decision = reviews.record(now.atVersion(asked.version()), choice, label);
    // the review service records a correction to the label the sample has as a confirmation
    ReviewAction recorded =
        choice == ReviewAction.CORRECT && label == now.currentLabel()
            ? ReviewAction.CONFIRM
            : choice;
    return ApiDecision.of(decision, recorded.name().toLowerCase(Locale.ROOT));
  }

  @PostMapping("/{sample}/undo")
  @Operation(
      summary = "Take back your own last decision in the dataset (409: not your last, or changed)",
      description = "Body: {\"version\": the version the decision answered}.")
  ApiDecision undo(
      @PathVariable long datasetId,
      @PathVariable int sample,
      @RequestBody(required = false) JsonNode body) {
    UndoRequest asked = ApiJson.read(body, UndoRequest.class, "an undo");
    if (asked == null || asked.version() == null) {
      throw ApiJson.missing("version", "the version that your decision answered");
    }
    return ApiDecision.undone(
        undo.undoLast(datasetId, sampleId(datasetId, sample), asked.version()));
  }

  private static QueueIssue issue(String value) {
    try {
      return QueueIssue.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter 'issue': " + e.getMessage());
    }
  }

  /** An undo's body: the version the decision answered. */
  record UndoRequest(Long version) {}

  private QueueItem scored(long datasetId, int sample) {
    return reviews
        .item(datasetId, sampleId(datasetId, sample))
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "dataset " + datasetId + " has no scores yet: its first run is not finished"));
  }

  private long sampleId(long datasetId, int sample) {
    return reviews
        .sampleIdAt(datasetId, sample)
        .orElseThrow(
            () -> new NoSuchElementException("dataset " + datasetId + " has no sample #" + sample));
  }
}

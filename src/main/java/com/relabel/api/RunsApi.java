package com.relabel.api;

import com.relabel.security.CurrentUser;
import com.relabel.training.MeasuredYield;
import com.relabel.training.MeasuredYields;
import com.relabel.training.PredictionsImport;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Training runs over the REST API: start one (a durable background job, as from the Retrain
 * dialog), poll it, cancel it, list a dataset's history, activate one. When a run succeeds its
 * scores become the dataset's active ranking unless it is worse than the active run (decision
 * 0026); an admin activates any succeeded run.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Runs")
class RunsApi {

  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final PredictionsImport predictions;
  private final MeasuredYields yields;
  private final UploadFolders uploadFolders;

  RunsApi(
      TrainingRuns runs,
      RunSettings defaults,
      PredictionsImport predictions,
      MeasuredYields yields,
      UploadFolders uploadFolders) {
    this.runs = runs;
    this.defaults = defaults;
    this.predictions = predictions;
    this.yields = yields;
    this.uploadFolders = uploadFolders;
  }

  @PostMapping("/datasets/{datasetId}/runs")
  @Operation(
      summary = "Start a run of the dataset (admins); 409 while another run is queued or running",
      description = "Every field of the body may be left out; the application's defaults apply.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(schema = @Schema(implementation = RunRequest.class)))
  ResponseEntity<ApiRun> start(
      @PathVariable long datasetId, @RequestBody(required = false) JsonNode body) {
    RunRequest asked = RunRequest.of(body);
    TrainingRun run =
        runs.retrain(
            datasetId,
            asked.toSettings(runs.defaultsFor(datasetId, defaults)),
            CurrentUser.username());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/runs/" + run.getId()))
        .body(show(run));
  }

  @PostMapping(
      path = "/datasets/{datasetId}/predictions",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Score the dataset from your own model's predictions (admins)",
      description =
          "file: CSV with the header sample_index,<one probability column per class>"
              + "[,emb_0,...] or JSON Lines with {\"sample_index\", \"probabilities\","
              + " \"embedding\"} per line; one row for every sample that is not excluded."
              + " Creates a finished run of kind IMPORTED, which ranks the queue at once unless it"
              + " is worse than the active run (see heldBackReason).")
  ResponseEntity<ApiRun> importPredictions(
      @PathVariable long datasetId, @RequestPart("file") MultipartFile file) throws IOException {
    try (var uploads = uploadFolders.open()) {
      TrainingRun run =
          predictions.importFile(
              datasetId, uploads.save(file, "predictions.csv"), CurrentUser.username());
      return ResponseEntity.created(URI.create("/api/v1/runs/" + run.getId())).body(show(run));
    }
  }

  @GetMapping("/datasets/{datasetId}/runs")
  @Operation(summary = "The dataset's runs, newest first")
  List<ApiRun> history(@PathVariable long datasetId) {
    List<TrainingRun> history = runs.history(datasetId);
    Map<Long, MeasuredYield> measured = yields.of(history);
    Long ranking = runs.rankingRunId(datasetId);
    return history.stream().map(r -> ApiRun.of(r, measured.get(r.getId()), ranking)).toList();
  }

  @GetMapping("/runs/{runId}")
  @Operation(
      summary = "One run: status, phase, epoch, progress, throughput, outcome",
      description =
          "Once it has succeeded: the wrong labels it expects in the top 100 and 1,000 of its"
              + " queue (expectedErrorsTop100, expectedErrorsTop1000) and what reviewers found"
              + " there (measuredYield: reviewed, and errorsPer100 from 50 reviews on).")
  ApiRun get(@PathVariable long runId) {
    return show(runs.get(runId));
  }

  @PostMapping("/runs/{runId}/cancel")
  @Operation(
      summary = "Cancel a queued or running run (admins); the dataset keeps its current ranking")
  ResponseEntity<ApiRun> cancel(@PathVariable long runId) {
    runs.cancel(runId);
    return ResponseEntity.accepted().body(show(runs.get(runId)));
  }

  @PostMapping("/runs/{runId}/activate")
  @Operation(
      summary = "Make a succeeded run rank the dataset's queue (admins)",
      description =
          "For a run that finished worse than the active one and was held back (heldBackReason),"
              + " or one that ranked the queue before. The open review queues are re-ranked as when"
              + " a run takes over by itself. 409 when the run has not succeeded or already ranks"
              + " the queue.")
  ApiRun activate(@PathVariable long runId) {
    return show(runs.activate(runId, CurrentUser.username()));
  }

  /** The run with what reviewers found in its queue, and whether it ranks the queue now. */
  private ApiRun show(TrainingRun run) {
    return ApiRun.of(run, yields.of(run).orElse(null), runs.rankingRunId(run.getDatasetId()));
  }
}

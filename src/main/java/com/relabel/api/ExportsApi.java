package com.relabel.api;

import com.relabel.export.Downloads;
import com.relabel.export.LabelExport;
import com.relabel.export.ScoreExport;
import com.relabel.export.SourceFormatExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a pipeline takes away: the corrected labels (CSV or JSON Lines) and a run's noise scores
 * (JSON Lines, most suspicious first). Both are streamed row by row, so a million samples never sit
 * in memory; both are for admins. Every check runs before the first byte is written, so a bad
 * request gets its error rather than half a file.
 *
 * <p>The start page's download links reach the same labels under {@code /export/datasets/{id}/}
 * ({@code labels.csv}, {@code labels.jsonl}, {@code source}) with the session's login; {@code
 * /export/**} is for admins (SecurityConfig), and the API description leaves those paths out.
 */
@RestController
@Tag(name = "Exports")
class ExportsApi {

  private final LabelExport labels;
  private final ScoreExport scores;
  private final SourceFormatExport source;

  ExportsApi(LabelExport labels, ScoreExport scores, SourceFormatExport source) {
    this.labels = labels;
    this.scores = scores;
    this.source = source;
  }

  @GetMapping("/api/v1/datasets/{datasetId}/labels")
  @Operation(
      summary = "The current labels, one row per sample in sample order (admins)",
      description =
          "format: csv (the default) or jsonl, with the fields sample_index, original_label,"
              + " current_label, status, decided_by, decided_at, score (the active run's); or"
              + " source: the dataset back in its import format with the corrected labels,"
              + " excluded samples left out (feature table: the same CSV with the label column"
              + " corrected; text: CSV id,text,label; image folder: labels.csv"
              + " file,label; IDX: a ZIP of images-idx3-ubyte, labels-idx1-ubyte and"
              + " sample-index.txt).")
  void labels(
      @PathVariable long datasetId,
      @RequestParam(defaultValue = "csv") String format,
      HttpServletResponse response)
      throws IOException {
    if (format.equals("source")) {
      SourceFormatExport.Format own = source.format(datasetId);
      Downloads.offer(response, own.fileName(), own.contentType());
      source.write(datasetId, response.getOutputStream());
      response.getOutputStream().flush();
      return;
    }
    boolean csv =
        switch (format) {
          case "csv" -> true;
          case "jsonl" -> false;
          default ->
              throw new IllegalArgumentException(
                  "format must be csv, jsonl or source, not '" + format + "'");
        };
    String name = labels.fileName(datasetId, format);
    Writer out = Downloads.open(response, name, csv ? "text/csv" : LabelExport.JSONL);
    if (csv) {
      labels.writeCsv(datasetId, out);
    } else {
      labels.writeJsonl(datasetId, out);
    }
    out.flush();
  }

  /** The start page's download links: {@code labels.csv}, {@code labels.jsonl}, {@code source}. */
  @GetMapping({
    "/export/datasets/{datasetId}/labels.{format:csv|jsonl}",
    "/export/datasets/{datasetId}/{format:source}"
  })
  void labelsFile(
      @PathVariable long datasetId, @PathVariable String format, HttpServletResponse response)
      throws IOException {
    labels(datasetId, format, response);
  }

  @GetMapping("/api/v1/datasets/{datasetId}/scores")
  @Operation(
      summary = "A run's noise scores as JSON Lines, most suspicious first (admins)",
      description =
          "run: a finished run of the dataset (default: the active run). method: one scoring"
              + " method's scores alone (default: the ensemble's rows, with the suggested label,"
              + " the methods that flag the sample and its cartography).")
  void scores(
      @PathVariable long datasetId,
      @RequestParam(required = false) Long run,
      @RequestParam(required = false) String method,
      HttpServletResponse response)
      throws IOException {
    long runId = scores.scoredRun(datasetId, run);
    boolean ensemble = method == null || method.isBlank();
    if (!ensemble) {
      scores.requireMethod(runId, method);
    }
    String name = "run-" + runId + "-" + (ensemble ? "scores" : method) + ".jsonl";
    Writer out = Downloads.open(response, name, LabelExport.JSONL);
    if (ensemble) {
      scores.writeEnsemble(runId, out);
    } else {
      scores.writeMethod(runId, method, out);
    }
    out.flush();
  }
}

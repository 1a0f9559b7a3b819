package com.relabel.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Download of a dataset's corrected labels from the UI (admins only; see SecurityConfig and
 * LabelExport). Pipelines use the REST API's {@code /api/v1/datasets/{id}/labels}.
 */
@RestController
class LabelExportController {

  private final LabelExport export;
  private final SourceFormatExport source;

  LabelExportController(LabelExport export, SourceFormatExport source) {
    this.export = export;
    this.source = source;
  }

  /** The dataset with its corrected labels in the format it was imported in. */
  @GetMapping("/export/datasets/{datasetId}/source")
  void source(@PathVariable long datasetId, HttpServletResponse response) throws IOException {
    SourceFormatExport.Format format = source.format(datasetId);
    Downloads.offer(response, format.fileName(), format.contentType());
    source.write(datasetId, response.getOutputStream());
    response.getOutputStream().flush();
  }

  @GetMapping("/export/datasets/{datasetId}/labels.csv")
  void csv(@PathVariable long datasetId, HttpServletResponse response) throws IOException {
    Writer out = Downloads.open(response, export.fileName(datasetId, "csv"), "text/csv");
    export.writeCsv(datasetId, out);
    out.flush();
  }

  @GetMapping("/export/datasets/{datasetId}/labels.jsonl")
  void jsonl(@PathVariable long datasetId, HttpServletResponse response) throws IOException {
    Writer out = Downloads.open(response, export.fileName(datasetId, "jsonl"), LabelExport.JSONL);
    export.writeJsonl(datasetId, out);
    out.flush();
  }
}

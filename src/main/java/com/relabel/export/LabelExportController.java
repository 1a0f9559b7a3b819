package com.relabel.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Download of a dataset's corrected labels (admins only; see SecurityConfig and LabelExport). */
@RestController
class LabelExportController {

  private final LabelExport export;

  LabelExportController(LabelExport export) {
    this.export = export;
  }

  @GetMapping("/export/datasets/{datasetId}/labels.csv")
  void labels(@PathVariable long datasetId, HttpServletResponse response) throws IOException {
    String name = export.fileName(datasetId);
    response.setContentType("text/csv; charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    var out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    export.writeCsv(datasetId, out);
    out.flush();
  }
}

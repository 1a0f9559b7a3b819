package com.relabel.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail as CSV, with the audit view's filters (admins only: /export/**). */
@RestController
class AuditExportController {

  private final AuditTrail trail;

  AuditExportController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/export/audit.csv")
  void export(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer sample,
      @RequestParam(required = false) Long dataset,
      HttpServletResponse response)
      throws IOException {
    var filter = new AuditFilter(actor, action, from, to, sample, dataset);
    response.setContentType("text/csv; charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    var out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    trail.writeCsv(filter, out);
    out.flush();
  }
}

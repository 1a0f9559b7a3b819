package com.relabel.api;

import com.relabel.audit.AuditFilter;
import com.relabel.audit.AuditTrail;
import com.relabel.export.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as CSV, as the admins' audit view filters it (admins). One endpoint under two
 * paths: {@code /api/v1/audit} for pipelines (API token) and {@code /export/audit.csv}, the audit
 * view's download link (session login; {@code /export/**} is for admins, see SecurityConfig).
 */
@RestController
@Tag(name = "Audit")
class AuditApi {

  private final AuditTrail trail;

  AuditApi(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping({"/api/v1/audit", "/export/audit.csv"})
  @Operation(
      summary = "Every label change and decision as CSV, oldest first (admins)",
      description =
          "Filters, all optional: dataset (id), sample (sample index), actor, action (CONFIRM,"
              + " CORRECT, EXCLUDE, UNDO, VOTE, CONSENSUS, DISPUTE, RESOLVE, UNSURE, COMMENT),"
              + " from (inclusive) and to (exclusive) as ISO-8601 instants. Columns: id,"
              + " occurred_at, actor, action, dataset_id, sample_id, sample_index, old_label,"
              + " new_label, old_status, new_status, score, run_id, note (a COMMENT's text; a"
              + " text starting with =, +, - or @ gets a leading ').")
  void audit(
      @RequestParam(required = false) Long dataset,
      @RequestParam(required = false) Integer sample,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      HttpServletResponse response)
      throws IOException {
    var filter = new AuditFilter(actor, action, from, to, sample, dataset);
    Writer out = Downloads.open(response, "audit.csv", "text/csv");
    trail.writeCsv(filter, out);
    out.flush();
  }
}

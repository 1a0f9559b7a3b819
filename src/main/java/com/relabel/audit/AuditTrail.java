package com.relabel.audit;

import com.relabel.security.Roles;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail: admins only. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class AuditTrail {

  private final AuditRepository entries;

  AuditTrail(AuditRepository entries) {
    this.entries = entries;
  }

  /** Entries matching {@code filter}, newest first. */
  public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
    int size = Math.max(1, limit);
    return entries
        .findAll(
            filter.toSpecification(),
            PageRequest.of(offset / size, size, Sort.by(Sort.Direction.DESC, "id")))
        .getContent();
  }

  public long count(AuditFilter filter) {
    return entries.count(filter.toSpecification());
  }

  /** The matching entries as CSV, oldest first, written page by page. */
  public void writeCsv(AuditFilter filter, Writer out) throws IOException {
    out.write(
        "id,occurred_at,actor,action,dataset_id,sample_id,sample_index,old_label,new_label,"
            + "old_status,new_status,score,run_id,note\n");
    int page = 0;
    List<AuditEntry> rows;
    do {
      rows =
          entries
              .findAll(
                  filter.toSpecification(),
                  PageRequest.of(page++, 1000, Sort.by(Sort.Direction.ASC, "id")))
              .getContent();
      for (AuditEntry e : rows) {
        out.write(
            e.getId()
                + ","
                + e.getOccurredAt()
                + ","
                + csv(e.getActor())
                + ","
                + e.getAction()
                + ","
                + e.getDatasetId()
                + ","
                + e.getSampleId()
                + ","
                + e.getSampleIndex()
                + ","
                + e.getOldLabel()
                + ","
                + e.getNewLabel()
                + ","
                + e.getOldStatus()
                + ","
                + e.getNewStatus()
                + ","
                + (e.getScore() == null ? "" : e.getScore())
                + ","
                + (e.getRunId() == null ? "" : e.getRunId())
                + ","
                + (e.getNote() == null ? "" : csv(e.getNote()))
                + "\n");
      }
    } while (rows.size() == 1000);
  }

  /**
   * A text field: quoted when it holds a comma, quote or line break (a comment may); one that a
   * spreadsheet would take for a formula (=, +, -, @) starts with an apostrophe instead.
   */
  private static String csv(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? '"' + safe.replace("\"", "\"\"") + '"'
        : safe;
  }

  public List<AuditEntry> forSample(long sampleId) {
    return entries.findBySampleIdOrderByIdAsc(sampleId);
  }
}

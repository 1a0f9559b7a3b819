package com.relabel.audit;

import com.relabel.security.Roles;
import java.util.List;
import org.springframework.data.domain.PageRequest;
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

  /** Newest first. */
  public List<AuditEntry> page(int offset, int limit) {
    int size = Math.max(1, limit);
    return entries.findAllByOrderByIdDesc(PageRequest.of(offset / size, size));
  }

  public long count() {
    return entries.count();
  }

  public List<AuditEntry> forSample(long sampleId) {
    return entries.findBySampleIdOrderByIdAsc(sampleId);
  }
}

package com.relabel.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * Insert and read only: there is deliberately no update or delete here (the specification executor
 * only reads).
 */
interface AuditRepository
    extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

  AuditEntry save(AuditEntry entry);

  List<AuditEntry> findBySampleIdOrderByIdAsc(long sampleId);
}

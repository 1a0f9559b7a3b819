package com.relabel.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * Read only: {@link AuditRecorder} appends the rows to the hash chain, and there is deliberately no
 * update or delete here (the specification executor only reads).
 */
interface AuditRepository
    extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

  List<AuditEntry> findBySampleIdOrderByIdAsc(long sampleId);
}

package com.relabel.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * Read only: {@link AuditRecorder} appends the rows to the hash chain, and there is deliberately no
 * update or delete here (the specification executor only reads).
 */
interface AuditRepository
    extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

  List<AuditEntry> findBySampleIdOrderByIdAsc(long sampleId);

  /** The actor's newest entry in the dataset (index {@code ix_audit_actor_dataset}). */
  Optional<AuditEntry> findFirstByActorAndDatasetIdOrderByIdDesc(String actor, long datasetId);
}

package com.relabel.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the audit view and its CSV export filter by; every field is optional (null = any).
 *
 * @param from inclusive
 * @param to exclusive
 */
public record AuditFilter(
    String actor, String action, Instant from, Instant to, Integer sampleIndex, Long datasetId) {

  public static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null, null);
  }

  Specification<AuditEntry> toSpecification() {
    return (root, query, cb) -> {
      List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
      if (actor != null && !actor.isBlank()) {
        where.add(cb.equal(root.get("actor"), actor.trim()));
      }
      if (action != null && !action.isBlank()) {
        where.add(cb.equal(root.get("action"), action));
      }
      if (from != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
      }
      if (to != null) {
        where.add(cb.lessThan(root.get("occurredAt"), to));
      }
      if (sampleIndex != null) {
        where.add(cb.equal(root.get("sampleIndex"), sampleIndex));
      }
      if (datasetId != null) {
        where.add(cb.equal(root.get("datasetId"), datasetId));
      }
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }
}

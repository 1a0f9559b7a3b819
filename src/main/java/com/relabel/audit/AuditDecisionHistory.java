package com.relabel.audit;

import com.relabel.review.DecisionHistory;
import com.relabel.review.LastDecision;
import com.relabel.review.PastDecision;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A sample's decisions as the review view shows them, read from the audit trail. */
@Component
class AuditDecisionHistory implements DecisionHistory {

  private final AuditRepository entries;

  AuditDecisionHistory(AuditRepository entries) {
    this.entries = entries;
  }

  @Override
  public List<PastDecision> forSample(long sampleId) {
    return entries.findBySampleIdOrderByIdAsc(sampleId).stream()
        .map(
            e ->
                new PastDecision(
                    e.getOccurredAt(),
                    e.getActor(),
                    e.getAction(),
                    e.getOldLabel(),
                    e.getNewLabel(),
                    e.getOldStatus(),
                    e.getNewStatus(),
                    e.getNote()))
        .toList();
  }

  @Override
  public Optional<LastDecision> lastBy(String actor, long datasetId) {
    return entries
        .findFirstByActorAndDatasetIdOrderByIdDesc(actor, datasetId)
        .map(
            e ->
                new LastDecision(
                    e.getSampleId(), e.getSampleIndex(), e.getAction(), e.getOldLabel()));
  }
}

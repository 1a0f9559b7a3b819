package com.relabel.review;

import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleStatus;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What one reviewer's decision, and its undo, change on one sample inside the caller's transaction:
 * the label and status, or the reviewer's vote in consensus review (decision 0009), the leases on
 * the sample, and the event the audit module writes its row from. {@link ReviewService} owns the
 * transaction and turns a lost race into a {@link DecisionConflictException}.
 */
@Component
class SampleDecisions {

  private final ReviewLeases leases;
  private final ConsensusVotes votes;
  private final SampleChanges changes;
  private final ReviewPolicies policies;

  SampleDecisions(
      ReviewLeases leases, ConsensusVotes votes, SampleChanges changes, ReviewPolicies policies) {
    this.leases = leases;
    this.votes = votes;
    this.changes = changes;
    this.policies = policies;
  }

  /**
   * Takes back {@code actor}'s decision on {@code shown} that left the sample at {@code
   * versionAfter} (see {@link ReviewService#undo}).
   *
   * @throws DecisionConflictException if the sample changed since, or someone else decided it
   */
  Sample revert(QueueItem shown, long versionAfter, String actor) {
    Sample sample = changes.lockAndLoad(shown.sampleId());
    Instant now = Instant.now();
    if (sample.getStatus() == SampleStatus.OPEN && sample.getVersion() == versionAfter) {
      Optional<Vote> vote =
          votes.votes(sample.getId()).stream().filter(v -> v.voter().equals(actor)).findFirst();
      if (vote.isPresent() && votes.withdraw(sample.getId(), actor)) {
        changes.publish(
            sample,
            actor,
            ReviewAction.UNDO,
            vote.get().label(),
            vote.get().choice().resultingStatus(),
            shown.score(),
            shown.runId(),
            now);
        return sample;
      }
    }
    if (sample.getVersion() != versionAfter
        || !sample.getStatus().isFinal()
        || !actor.equals(sample.getDecidedBy())) {
      throw new DecisionConflictException(
          "Sample #"
              + sample.getSampleIndex()
              + " changed after your decision; nothing was undone.");
    }
    int oldLabel = sample.getCurrentLabel();
    SampleStatus oldStatus = sample.getStatus();
    sample.reopen(shown.currentLabel());
    changes.save(sample);
    votes.clear(sample.getId());
    changes.publish(
        sample, actor, ReviewAction.UNDO, oldLabel, oldStatus, shown.score(), shown.runId(), now);
    return sample;
  }

  /**
   * Records {@code actor}'s decision on {@code item} as they saw it: the sample's label and status,
   * or their vote in consensus review (see {@link ReviewService#record}).
   *
   * @throws DecisionConflictException if the sample is not open at the version they saw
   */
  Decision apply(QueueItem item, ReviewAction action, int newLabel, String actor) {
    Sample sample = changes.lockAndLoad(item.sampleId());
    if (sample.getVersion() != item.version() || sample.getStatus() != SampleStatus.OPEN) {
      throw SampleChanges.conflict(sample, actor);
    }
    int label = changes.labelFor(sample, action, newLabel);
    if (action == ReviewAction.CORRECT && label == sample.getCurrentLabel()) {
      action = ReviewAction.CONFIRM;
    }
    int required = policies.requiredReviewsOf(sample.getDatasetId());
    if (required > 1) {
      return votes.vote(sample, item, action, label, actor, required);
    }
    int oldLabel = sample.getCurrentLabel();
    SampleStatus oldStatus = sample.getStatus();
    Instant now = Instant.now();
    sample.decide(action.resultingStatus(), label, actor, now);
    changes.save(sample);
    leases.releaseAll(sample.getId());
    changes.publish(sample, actor, action, oldLabel, oldStatus, item.score(), item.runId(), now);
    return new Decision(sample, Decision.Outcome.DECIDED, 0, 1);
  }
}

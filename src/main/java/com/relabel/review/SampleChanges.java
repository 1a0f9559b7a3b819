package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleStatus;
import com.relabel.dataset.Samples;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every change of a sample in review shares: the row lock that serialises the changes of one
 * sample, the label check, the conflict message, and the {@link SampleDecided} event the audit
 * trail is written from. Callers run inside a write transaction.
 */
@Component
class SampleChanges {

  private final Samples samples;
  private final DatasetService datasets;
  private final ApplicationEventPublisher events;

  SampleChanges(Samples samples, DatasetService datasets, ApplicationEventPublisher events) {
    this.samples = samples;
    this.datasets = datasets;
    this.events = events;
  }

  /**
   * Locks the sample's row until the transaction ends (so that votes counted after it see every
   * committed vote), then loads it. The {@code version} column still guards every write.
   */
  Sample lockAndLoad(long sampleId) {
    return samples.lockAndGet(sampleId);
  }

  Sample load(long sampleId) {
    return samples.get(sampleId);
  }

  void save(Sample sample) {
    samples.save(sample);
  }

  /** The label a choice gives the sample, checked against the dataset's classes. */
  int labelFor(Sample sample, ReviewAction choice, int newLabel) {
    int numClasses = datasets.get(sample.getDatasetId()).getNumClasses();
    int label = choice == ReviewAction.CORRECT ? newLabel : sample.getCurrentLabel();
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          "label " + label + " is outside the classes 0.." + (numClasses - 1));
    }
    return label;
  }

  /**
   * Publishes the event the audit trail records, inside the caller's transaction: {@code sample} as
   * the decision left it (its label and status are the new ones), with the label and status it had
   * before.
   */
  void publish(
      Sample sample,
      String actor,
      ReviewAction action,
      int oldLabel,
      SampleStatus oldStatus,
      Double score,
      Long runId,
      Instant at) {
    events.publishEvent(
        new SampleDecided(
            sample.getDatasetId(),
            sample.getId(),
            sample.getSampleIndex(),
            actor,
            action,
            oldLabel,
            sample.getCurrentLabel(),
            oldStatus,
            sample.getStatus(),
            score,
            runId,
            at));
  }

  /**
   * Publishes a consensus vote: the open sample keeps its label, the event records the label and
   * status the voter chose.
   */
  void publishVote(Sample sample, Vote vote, Double score, Long runId) {
    events.publishEvent(
        new SampleDecided(
            sample.getDatasetId(),
            sample.getId(),
            sample.getSampleIndex(),
            vote.voter(),
            ReviewAction.VOTE,
            sample.getCurrentLabel(),
            vote.label(),
            SampleStatus.OPEN,
            vote.choice().resultingStatus(),
            score,
            runId,
            vote.votedAt()));
  }

  /**
   * The refusal {@code actor} gets when the sample changed since they saw it: by someone else, or
   * by themselves in another tab or window; then the message says "you", as their own name would
   * read as if someone else had used their account.
   */
  static DecisionConflictException conflict(Sample current, String actor) {
    String who =
        Optional.ofNullable(current.getDecidedBy())
            .map(name -> name.equals(actor) ? "you" : name)
            .orElse("someone else");
    String state =
        current.getStatus() == SampleStatus.OPEN
            ? "changed by " + who
            : current.getStatus() == SampleStatus.DISPUTED
                ? "disputed: the votes disagree and an admin decides it"
                : "already decided by " + who;
    return new DecisionConflictException(
        "Sample #"
            + current.getSampleIndex()
            + " was "
            + state
            + " ("
            + current.getStatus().name().toLowerCase()
            + ", label "
            + current.getCurrentLabel()
            + "). Your decision was not saved.");
  }
}

package com.relabel.review;

import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Consensus review (table {@code sample_vote}): a decision is one reviewer's vote; {@code required}
 * agreeing votes make the label final, and two votes that disagree send the sample to the admins'
 * disputes. Called inside the write transaction that holds the sample's row lock, so the votes of
 * one sample are counted one decision at a time.
 */
@Component
class ConsensusVotes {

  private final NamedParameterJdbcTemplate jdbc;
  private final SampleChanges changes;
  private final ReviewLeases leases;

  ConsensusVotes(NamedParameterJdbcTemplate jdbc, SampleChanges changes, ReviewLeases leases) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.leases = leases;
  }

  /** Records {@code voter}'s vote on the (locked, open) sample and judges the votes so far. */
  Decision vote(
      Sample sample, QueueItem shown, ReviewAction choice, int label, String voter, int required) {
    if (hasVoted(sample.getId(), voter)) {
      throw new DecisionConflictException(
          "You already voted on sample #"
              + sample.getSampleIndex()
              + "; it waits for other reviewers. Your decision was not saved.");
    }
    Instant now = Instant.now();
    jdbc.update(
        "insert into sample_vote (sample_id, dataset_id, voter, status, label, voted_at)"
            + " values (:sample, :dataset, :voter, :status, :label, :at)",
        new MapSqlParameterSource()
            .addValue("sample", sample.getId())
            .addValue("dataset", sample.getDatasetId())
            .addValue("voter", voter)
            .addValue("status", choice.resultingStatus().name())
            .addValue("label", label)
            .addValue("at", ReviewLeases.at(now)));
    leases.release(sample.getId(), voter);
    int current = sample.getCurrentLabel();
    Vote mine = new Vote(voter, choice, label, now);
    changes.publishVote(sample, mine, shown.score(), shown.runId());

    List<Vote> votes = votes(sample.getId());
    if (votes.stream().anyMatch(v -> !v.agreesWith(mine))) {
      sample.dispute();
      changes.save(sample);
      leases.releaseAll(sample.getId());
      changes.publish(
          sample,
          voter,
          ReviewAction.DISPUTE,
          current,
          SampleStatus.OPEN,
          shown.score(),
          shown.runId(),
          now);
      return new Decision(sample, Decision.Outcome.DISPUTED, votes.size(), required);
    }
    if (votes.size() >= required) {
      sample.decide(choice.resultingStatus(), label, voter, now);
      changes.save(sample);
      leases.releaseAll(sample.getId());
      changes.publish(
          sample,
          voter,
          ReviewAction.CONSENSUS,
          current,
          SampleStatus.OPEN,
          shown.score(),
          shown.runId(),
          now);
      return new Decision(sample, Decision.Outcome.AGREED, votes.size(), required);
    }
    return new Decision(sample, Decision.Outcome.VOTED, votes.size(), required);
  }

  boolean hasVoted(long sampleId, String voter) {
    return !jdbc.queryForList(
            "select id from sample_vote where sample_id = :sample and voter = :voter",
            new MapSqlParameterSource().addValue("sample", sampleId).addValue("voter", voter),
            Long.class)
        .isEmpty();
  }

  /** The votes on a sample, oldest first. */
  List<Vote> votes(long sampleId) {
    return votes(List.of(sampleId)).getOrDefault(sampleId, List.of());
  }

  /** The votes on each of the samples, oldest first. */
  Map<Long, List<Vote>> votes(Collection<Long> sampleIds) {
    if (sampleIds.isEmpty()) {
      return Map.of();
    }
    record Row(long sampleId, Vote vote) {}
    return jdbc
        .query(
            "select sample_id, voter, status, label, voted_at from sample_vote"
                + " where sample_id in (:ids) order by id",
            new MapSqlParameterSource("ids", sampleIds),
            (rs, i) ->
                new Row(
                    rs.getLong(1),
                    new Vote(
                        rs.getString(2),
                        ReviewAction.choiceFor(SampleStatus.valueOf(rs.getString(3))),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant())))
        .stream()
        .collect(
            Collectors.groupingBy(
                Row::sampleId, Collectors.mapping(Row::vote, Collectors.toList())));
  }

  /** Takes {@code voter}'s vote on the sample back; false if they have none. */
  boolean withdraw(long sampleId, String voter) {
    return jdbc.update(
            "delete from sample_vote where sample_id = :sample and voter = :voter",
            new MapSqlParameterSource().addValue("sample", sampleId).addValue("voter", voter))
        > 0;
  }

  /** Removes every vote on the sample: its final decision was taken back, a new round begins. */
  void clear(long sampleId) {
    jdbc.update(
        "delete from sample_vote where sample_id = :sample",
        new MapSqlParameterSource("sample", sampleId));
  }
}

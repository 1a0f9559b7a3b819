package com.relabel.review;

import com.relabel.dataset.Sample;
import com.relabel.dataset.SampleStatus;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admins' disputes queue of consensus review: samples whose votes disagree, with the votes, and
 * the admin's final decision on them. Admins only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class Disputes {

  private final NamedParameterJdbcTemplate jdbc;
  private final ConsensusVotes votes;
  private final SampleChanges changes;
  private final ReviewLeases leases;
  private final TransactionTemplate writeTx;

  Disputes(
      NamedParameterJdbcTemplate jdbc,
      ConsensusVotes votes,
      SampleChanges changes,
      ReviewLeases leases,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.votes = votes;
    this.changes = changes;
    this.leases = leases;
    this.writeTx = new TransactionTemplate(transactions);
  }

  /**
   * The dataset's disputed samples after sample id {@code afterSampleId} (keyset paging; 0 = from
   * the start), in sample order, with their votes.
   */
  public List<Dispute> list(long datasetId, long afterSampleId, int limit) {
    List<Dispute> bare =
        jdbc.query(
            "select id, sample_index, version, current_label, original_label from sample"
                + " where dataset_id = :dataset and status = 'DISPUTED' and id > :after"
                + " order by id fetch first "
                + Math.clamp(limit, 1, 500)
                + " rows only",
            new MapSqlParameterSource()
                .addValue("dataset", datasetId)
                .addValue("after", afterSampleId),
            (rs, i) ->
                new Dispute(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    List.of()));
    Map<Long, List<Vote>> byId = votes.votes(bare.stream().map(Dispute::sampleId).toList());
    return bare.stream()
        .map(
            d ->
                new Dispute(
                    d.sampleId(),
                    d.sampleIndex(),
                    d.version(),
                    d.currentLabel(),
                    d.originalLabel(),
                    byId.getOrDefault(d.sampleId(), List.of())))
        .toList();
  }

  /** How many samples of the dataset are disputed. */
  public long count(long datasetId) {
    return jdbc.queryForObject(
        "select count(*) from sample where dataset_id = :dataset and status = 'DISPUTED'",
        new MapSqlParameterSource("dataset", datasetId),
        Long.class);
  }

  /**
   * Decides a disputed sample as the admin saw it ({@code version}): final, with an audit row
   * (RESOLVE). The votes stay for the record.
   *
   * @throws DecisionConflictException if it is no longer disputed or changed since
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Sample resolve(long sampleId, long version, ReviewAction choice, int newLabel) {
    if (!choice.isChoice()) {
      throw new IllegalArgumentException("resolve by confirming, correcting or excluding");
    }
    String admin = CurrentUser.username();
    try {
      return writeTx.execute(status -> apply(sampleId, version, choice, newLabel, admin));
    } catch (OptimisticLockingFailureException e) {
      throw SampleChanges.conflict(writeTx.execute(status -> changes.load(sampleId)), admin);
    }
  }

  private Sample apply(
      long sampleId, long version, ReviewAction choice, int newLabel, String admin) {
    Sample sample = changes.lockAndLoad(sampleId);
    if (sample.getVersion() != version || sample.getStatus() != SampleStatus.DISPUTED) {
      throw SampleChanges.conflict(sample, admin);
    }
    int label = changes.labelFor(sample, choice, newLabel);
    ReviewAction action =
        choice == ReviewAction.CORRECT && label == sample.getCurrentLabel()
            ? ReviewAction.CONFIRM
            : choice;
    int oldLabel = sample.getCurrentLabel();
    Instant now = Instant.now();
    sample.decide(action.resultingStatus(), label, admin, now);
    changes.save(sample);
    leases.releaseAll(sampleId);
    Double score =
        jdbc
            .queryForList(
                "select sc.score from sample_score sc join dataset d on d.active_run_id = sc.run_id"
                    + " where sc.sample_id = :sample",
                new MapSqlParameterSource("sample", sampleId),
                Double.class)
            .stream()
            .findFirst()
            .orElse(null);
    // null while the dataset has no active run (a stream's findFirst would not take it)
    Long run =
        jdbc.queryForObject(
            "select active_run_id from dataset where id = :dataset",
            new MapSqlParameterSource("dataset", sample.getDatasetId()),
            Long.class);
    changes.publish(
        sample, admin, ReviewAction.RESOLVE, oldLabel, SampleStatus.DISPUTED, score, run, now);
    return sample;
  }
}

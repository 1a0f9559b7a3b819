package com.relabel.review;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases on the samples the queue shows (table {@code sample_lease}): while a lease runs, the queue
 * gives the sample to nobody else. A lease lapses by time alone ({@code expires_at}); no clean-up
 * job is needed. A lease never touches the sample row, so it never changes the sample's version.
 */
@Component
class ReviewLeases {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewLeases.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate ownTx;
  private final Duration duration;

  ReviewLeases(
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${relabel.review.lease-duration:10m}") Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("relabel.review.lease-duration must not be negative");
    }
    this.jdbc = jdbc;
    this.duration = duration;
    this.ownTx = new TransactionTemplate(transactions);
    ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    for (int i = 0; i < USER_STRIPES; i++) {
      userStripes[i] = new ReentrantLock();
    }
  }

  /** How often {@link #take} tries when the database's lock wait runs out. */
  static final int LOCK_ATTEMPTS = 3;

  /** Locks that take one user's leases in a dataset in turn (striped by user and dataset). */
  static final int USER_STRIPES = 64;

  private final Lock[] userStripes = new Lock[USER_STRIPES];

  Duration duration() {
    return duration;
  }

  /**
   * Takes the lease on a sample for {@code user}, atomically: it succeeds when the sample has no
   * lease, an expired one, or one of the user's own (which is renewed). Two users asking at the
   * same moment never both get it: the conditional UPDATE and the primary key decide. Then the
   * user's older leases in the dataset end (one lease per user: the sample on screen; of two
   * windows asking at once, the later lease stays). One user's windows take their leases one after
   * the other on this node (locks striped by user and dataset), so the second step always sees the
   * first steps of the user's earlier windows committed and exactly one lease is left, and no two
   * transactions of one user wait on each other's rows (on H2 such a wait on a deleted row can sit
   * out the whole lock timeout, h2database issue 2158). Windows on different application nodes are
   * not serialized: there an old lease can outlive a race and lapses by itself. Each step runs in
   * its own short transaction, committed when this returns, so no lease row stays locked while
   * another is waited for. A step whose lock wait runs out is tried again ({@link #LOCK_ATTEMPTS}
   * times); a lease that still cannot be taken counts as someone else's (false), and old leases
   * that cannot be ended lapse by themselves.
   */
  boolean take(long datasetId, long sampleId, String user) {
    Lock stripe = userStripes[Math.floorMod(Objects.hash(user, datasetId), USER_STRIPES)];
    stripe.lock();
    try {
      return takeInTurn(datasetId, sampleId, user);
    } finally {
      stripe.unlock();
    }
  }

  private boolean takeInTurn(long datasetId, long sampleId, String user) {
    Instant now = Instant.now();
    var params =
        new MapSqlParameterSource()
            .addValue("sample", sampleId)
            .addValue("dataset", datasetId)
            .addValue("user", user)
            .addValue("now", at(now))
            .addValue("expires", at(now.plus(duration)));
    try {
      if (!withRetry(() -> tryTake(params))) {
        return false;
      }
    } catch (TransientDataAccessException e) {
      // the row stayed locked through every attempt: to the caller, as good as someone else's
      // lease (the queue offers the next sample); seen only on H2 under heavy load, where a
      // waiter on a deleted row can sit out the whole lock timeout (h2database issue 2158)
      log.warn("Could not lease sample {} for {}: {}", sampleId, user, e.getMessage());
      return false;
    }
    try {
      withRetry(
          () ->
              shortTransaction(
                  () ->
                      jdbc.update(
                          "delete from sample_lease where leased_by = :user"
                              + " and dataset_id = :dataset and sample_id <> :sample"
                              + " and expires_at < :expires",
                          params)));
    } catch (TransientDataAccessException e) {
      // the new lease holds; an old one left behind lapses by itself within the lease duration
      log.warn(
          "Could not end {}'s other leases in dataset {}: {}", user, datasetId, e.getMessage());
    }
    return true;
  }

  /**
   * Runs a lease step as its own short transaction. Outside a transaction (the queue's {@code
   * next}) the step's statements run on the connection the caller's scope already holds, each
   * committed by itself: the update-then-insert is safe that way, because the conditional update
   * and the primary key each decide atomically. Only inside a transaction does the step need a new
   * one, and so a second connection from the pool; asking for a second connection while holding one
   * is what exhausted the pool when 20 reviewers asked at once.
   */
  private <T> T shortTransaction(java.util.function.Supplier<T> step) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return ownTx.execute(status -> step.get());
    }
    return step.get();
  }

  /** Runs a lease step again when the database's lock wait ran out: every step is idempotent. */
  private static <T> T withRetry(java.util.function.Supplier<T> step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (TransientDataAccessException e) {
        if (attempt == LOCK_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private boolean tryTake(MapSqlParameterSource params) {
    try {
      return Boolean.TRUE.equals(
          shortTransaction(
              () -> {
                int renewed =
                    jdbc.update(
                        "update sample_lease set leased_by = :user, expires_at = :expires"
                            + " where sample_id = :sample and (leased_by = :user or expires_at < :now)",
                        params);
                if (renewed == 0) {
                  // no row, or someone else's running lease: the primary key refuses the latter
                  jdbc.update(
                      "insert into sample_lease (sample_id, dataset_id, leased_by, expires_at)"
                          + " values (:sample, :dataset, :user, :expires)",
                      params);
                }
                return true;
              }));
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Gives up the user's lease on the sample, if they hold one (skip, vote). */
  void release(long sampleId, String user) {
    jdbc.update(
        "delete from sample_lease where sample_id = :sample and leased_by = :user",
        new MapSqlParameterSource().addValue("sample", sampleId).addValue("user", user));
  }

  /** Ends every lease on the sample: it was decided and left the queue. */
  void releaseAll(long sampleId) {
    jdbc.update(
        "delete from sample_lease where sample_id = :sample",
        new MapSqlParameterSource("sample", sampleId));
  }

  /** Who holds a running lease on the sample, if anyone. */
  java.util.Optional<String> holder(long sampleId) {
    return jdbc
        .queryForList(
            "select leased_by from sample_lease where sample_id = :sample and expires_at >= :now",
            new MapSqlParameterSource()
                .addValue("sample", sampleId)
                .addValue("now", at(Instant.now())),
            String.class)
        .stream()
        .findFirst();
  }

  /** When the user's running lease on the sample ends, if they hold one. */
  java.util.Optional<Instant> expiry(long sampleId, String user) {
    return jdbc
        .queryForList(
            "select expires_at from sample_lease where sample_id = :sample and leased_by = :user"
                + " and expires_at >= :now",
            new MapSqlParameterSource()
                .addValue("sample", sampleId)
                .addValue("user", user)
                .addValue("now", at(Instant.now())),
            OffsetDateTime.class)
        .stream()
        .findFirst()
        .map(OffsetDateTime::toInstant);
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

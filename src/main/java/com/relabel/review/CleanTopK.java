package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Clean top K" (admins): every open sample of the active run whose ensemble score and suggestion
 * probability reach the thresholds, and whose suggested label differs from its label, is corrected
 * to the suggestion. A preview says how many first. The correction is a bulk decision by the admin
 * (final, also in consensus review), written in chunks like {@link BulkDecisions}, each chunk one
 * transaction with an audit row per changed sample; a sample someone decided meanwhile is left
 * alone.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class CleanTopK {

  private static final String MATCHES =
      " from sample_score sc join sample s on s.id = sc.sample_id"
          + " where sc.run_id = :run and s.dataset_id = :dataset and s.status = 'OPEN'"
          + " and sc.score >= :minScore and sc.suggested_probability >= :minProbability"
          + " and sc.suggested_label is not null and sc.suggested_label <> s.current_label";

  private final int chunkSize;
  private final DatasetService datasets;
  private final NamedParameterJdbcTemplate jdbc;
  private final DecisionWriter writer;
  private final TransactionTemplate writeTx;

  CleanTopK(
      DatasetService datasets,
      NamedParameterJdbcTemplate jdbc,
      DecisionWriter writer,
      PlatformTransactionManager transactions,
      @Value("${relabel.review.bulk-chunk:500}") int chunkSize) {
    this.datasets = datasets;
    this.jdbc = jdbc;
    this.writer = writer;
    this.writeTx = new TransactionTemplate(transactions);
    this.chunkSize = chunkSize;
  }

  /** How many samples {@link #apply} would correct now, and the {@code show} most suspicious. */
  public CleanPreview preview(long datasetId, double minScore, double minProbability, int show) {
    MapSqlParameterSource params = params(datasetId, minScore, minProbability);
    if (params == null) {
      return new CleanPreview(0, List.of());
    }
    long count = jdbc.queryForObject("select count(*)" + MATCHES, params, Long.class);
    List<CleanCandidate> first =
        jdbc.query(
            "select s.id, s.sample_index, s.current_label, sc.suggested_label, sc.score,"
                + " sc.suggested_probability"
                + MATCHES
                + " order by sc.score desc, s.id fetch first :show rows only",
            params.addValue("show", show),
            (rs, i) ->
                new CleanCandidate(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getDouble(5),
                    rs.getDouble(6)));
    return new CleanPreview(count, first);
  }

  /** Corrects every matching open sample to its suggested label, most suspicious first. */
  public BulkResult apply(long datasetId, double minScore, double minProbability) {
    MapSqlParameterSource params = params(datasetId, minScore, minProbability);
    if (params == null) {
      return new BulkResult(0, 0);
    }
    var decision =
        new BulkDecisions.Decision(
            datasetId,
            (Long) params.getValue("run"),
            ReviewAction.CORRECT,
            -1,
            CurrentUser.username(),
            Instant.now());
    BulkResult total = new BulkResult(0, 0);
    Cursor after = null;
    while (true) {
      Cursor from = after;
      Chunk chunk = writeTx.execute(tx -> chunk(params, decision, from));
      total = total.plus(chunk.result());
      if (chunk.size() < chunkSize) {
        return total;
      }
      after = chunk.last();
    }
  }

  private record Chunk(int size, Cursor last, BulkResult result) {}

  /** The next chunk after {@code after} in (score desc, id) order, read and written in one go. */
  private Chunk chunk(MapSqlParameterSource params, BulkDecisions.Decision decision, Cursor after) {
    var page = new MapSqlParameterSource(params.getValues()).addValue("limit", chunkSize);
    String keyset = "";
    if (after != null) {
      keyset = " and (sc.score < :afterScore or (sc.score = :afterScore and s.id > :afterId))";
      page.addValue("afterScore", after.score()).addValue("afterId", after.sampleId());
    }
    Map<Long, Integer> suggestions = new HashMap<>();
    List<DecisionWriter.Target> targets =
        jdbc.query(
            "select s.id, s.sample_index, s.current_label, s.version, sc.score, sc.suggested_label"
                + MATCHES
                + keyset
                + " order by sc.score desc, s.id fetch first :limit rows only",
            page,
            (rs, i) -> {
              suggestions.put(rs.getLong(1), rs.getInt(6));
              return new DecisionWriter.Target(
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getInt(3),
                  rs.getLong(4),
                  rs.getDouble(5),
                  new Cursor(rs.getDouble(5), rs.getLong(1)));
            });
    int applied = writer.apply(decision, targets, t -> suggestions.get(t.sampleId()));
    Cursor last = targets.isEmpty() ? null : targets.getLast().cursor();
    return new Chunk(targets.size(), last, new BulkResult(applied, targets.size() - applied));
  }

  /** The query's parameters; null when the dataset has no active run (nothing to clean). */
  private MapSqlParameterSource params(long datasetId, double minScore, double minProbability) {
    if (!Double.isFinite(minScore)) {
      throw new IllegalArgumentException("minimum ensemble score: a number, not " + minScore);
    }
    if (!(minProbability >= 0 && minProbability <= 1)) {
      throw new IllegalArgumentException(
          "minimum suggestion probability: between 0 and 1, not " + minProbability);
    }
    Long run = datasets.get(datasetId).getActiveRunId();
    if (run == null) {
      return null;
    }
    return new MapSqlParameterSource()
        .addValue("run", run)
        .addValue("dataset", datasetId)
        .addValue("minScore", minScore)
        .addValue("minProbability", minProbability);
  }
}

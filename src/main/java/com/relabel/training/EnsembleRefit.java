package com.relabel.training;

import com.relabel.dataset.DatasetService;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.ReviewWeightedEnsemble;
import com.relabel.scoring.ReviewWeightedEnsemble.Review;
import com.relabel.scoring.Suggestions;
import com.relabel.security.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the queue learn from reviewers (docs/methods.md, "Weights learned from reviews"): every
 * decided sample says whether its flag was right (corrected or excluded: the label was wrong;
 * confirmed: it was not). Those answers re-fit the ensemble's per-method weights, and the active
 * run's queue is re-ranked with them, in one transaction.
 */
@Service
public class EnsembleRefit {

  private final DatasetService datasets;
  private final TrainingRunRepository runs;
  private final JdbcTemplate jdbc;

  EnsembleRefit(DatasetService datasets, TrainingRunRepository runs, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.runs = runs;
    this.jdbc = jdbc;
  }

  /** The weights and how many reviews they were learned from. */
  public record Outcome(Map<String, Double> weights, boolean fitted, int reviews) {
    public String describe() {
      return weights.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue()))
          .collect(Collectors.joining(","));
    }
  }

  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Outcome refit(long datasetId) {
    Long runId = datasets.get(datasetId).getActiveRunId();
    if (runId == null) {
      throw new IllegalStateException("the dataset has no scores yet");
    }
    List<Long> ids = new ArrayList<>();
    List<Integer> suggestion = new ArrayList<>();
    List<Double> confidence = new ArrayList<>();
    jdbc.query(
        "select sample_id, suggested_label, suggested_probability from sample_score"
            + " where run_id = ? order by sample_id",
        rs -> {
          ids.add(rs.getLong(1));
          suggestion.add(rs.getInt(2));
          confidence.add(rs.getDouble(3));
        },
        runId);
    Map<Long, Integer> position = new HashMap<>();
    IntStream.range(0, ids.size()).forEach(i -> position.put(ids.get(i), i));

    Map<String, double[]> byMethod = new LinkedHashMap<>();
    jdbc.query(
        "select method, sample_id, score from method_score where run_id = ?"
            + " order by method, sample_id",
        rs -> {
          byMethod
                  .computeIfAbsent(rs.getString(1), m -> new double[ids.size()])[
                  position.get(rs.getLong(2))] =
              rs.getDouble(3);
        },
        runId);
    List<MethodScores> methods =
        byMethod.entrySet().stream().map(e -> MethodScores.of(e.getKey(), e.getValue())).toList();

    List<Review> reviews = new ArrayList<>();
    jdbc.query(
        "select id, status from sample where dataset_id = ? and status <> 'OPEN'",
        rs -> {
          Integer at = position.get(rs.getLong(1));
          if (at != null) {
            reviews.add(new Review(at, !"CONFIRMED".equals(rs.getString(2))));
          }
        },
        datasetId);

    ReviewWeightedEnsemble fit = ReviewWeightedEnsemble.fit(methods, reviews);
    var suggestions =
        new Suggestions(
            suggestion.stream().mapToInt(Integer::intValue).toArray(),
            confidence.stream().mapToDouble(Double::doubleValue).toArray());
    double[] scores = fit.ensemble().combine(methods, suggestions).scores();
    jdbc.batchUpdate(
        "update sample_score set score = ? where run_id = ? and sample_id = ?",
        IntStream.range(0, ids.size()).boxed().toList(),
        2000,
        (ps, i) -> {
          ps.setDouble(1, scores[i]);
          ps.setLong(2, runId);
          ps.setLong(3, ids.get(i));
        });
    var outcome = new Outcome(fit.weights(), fit.fitted(), reviews.size());
    runs.findById(runId).ifPresent(run -> run.getOutcome().methodWeights(outcome.describe()));
    return outcome;
  }
}

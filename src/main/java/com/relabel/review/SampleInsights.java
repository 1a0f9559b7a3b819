package com.relabel.review;

import com.relabel.dataset.SampleStatus;
import com.relabel.dataset.Samples;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.RunArtifacts;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Why a sample is in the queue and what surrounds it: the model's most likely classes, every
 * method's verdict, its nearest neighbours in embedding space and its earlier decisions. Each read
 * touches one sample's rows only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class SampleInsights {

  private final RunArtifacts artifacts;
  private final Samples samples;
  private final NamedParameterJdbcTemplate jdbc;
  private final DecisionHistory history;
  private final ReviewPolicies policies;
  private final MethodRanks ranks;

  SampleInsights(
      RunArtifacts artifacts,
      Samples samples,
      NamedParameterJdbcTemplate jdbc,
      DecisionHistory history,
      ReviewPolicies policies,
      MethodRanks ranks) {
    this.artifacts = artifacts;
    this.samples = samples;
    this.jdbc = jdbc;
    this.history = history;
    this.policies = policies;
    this.ranks = ranks;
  }

  /** The {@code n} most likely classes by the run's final probabilities, most likely first. */
  public List<ClassProbability> topProbabilities(long runId, long sampleId, int n) {
    return artifacts
        .probabilities(runId, sampleId)
        .map(
            p ->
                IntStream.range(0, p.length)
                    .mapToObj(c -> new ClassProbability(c, p[c]))
                    .sorted(
                        Comparator.comparingDouble(ClassProbability::probability)
                            .reversed()
                            .thenComparingInt(ClassProbability::label))
                    .limit(n)
                    .toList())
        .orElse(List.of());
  }

  /**
   * Every method's score of the sample in the run and its rank in that method's ranking (counted on
   * the index {@code (run_id, method, score desc)}), most suspicious rank first.
   */
  public List<MethodVerdict> verdicts(long runId, long sampleId, List<String> flaggedBy) {
    return jdbc
        .query(
            "select ms.method, ms.score from method_score ms"
                + " where ms.run_id = :run and ms.sample_id = :sample",
            new MapSqlParameterSource().addValue("run", runId).addValue("sample", sampleId),
            (rs, i) ->
                new MethodVerdict(
                    rs.getString(1),
                    rs.getDouble(2),
                    ranks.rank(runId, rs.getString(1), rs.getDouble(2)),
                    flaggedBy.contains(rs.getString(1))))
        .stream()
        .sorted(Comparator.comparingLong(MethodVerdict::rank).thenComparing(MethodVerdict::method))
        .toList();
  }

  /**
   * Whether the sample is below its run's AUM cut-off; empty when the run had no AUM threshold
   * pass.
   */
  public Optional<AumCutoffVerdict> aumCutoff(long runId, long sampleId) {
    return jdbc
        .query(
            "select r.aum_cutoff, s.aum_below_cutoff from sample_score s"
                + " join training_run r on r.id = s.run_id"
                + " where s.run_id = :run and s.sample_id = :sample"
                + " and s.aum_below_cutoff is not null and r.aum_cutoff is not null",
            new MapSqlParameterSource().addValue("run", runId).addValue("sample", sampleId),
            (rs, i) -> new AumCutoffVerdict(rs.getDouble(1), rs.getBoolean(2)))
        .stream()
        .findFirst();
  }

  /** The sample's {@code k} nearest neighbours in the run's embedding space, nearest first. */
  public List<Neighbour> neighbours(long runId, long sampleId, int k) {
    List<Long> ids = artifacts.neighbours(runId, sampleId, k);
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Neighbour> byId = new HashMap<>();
    jdbc.query(
        "select id, sample_index, current_label, status from sample where id in (:ids)",
        new MapSqlParameterSource("ids", ids),
        rs -> {
          byId.put(
              rs.getLong(1),
              new Neighbour(
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getInt(3),
                  SampleStatus.valueOf(rs.getString(4))));
        });
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Every earlier decision and undo on the sample, oldest first. Blind consensus (decision 0036):
   * while a sample of a dataset that needs several reviews is not final, an annotator gets only
   * their own entries, so no earlier vote can sway theirs; admins get everything.
   */
  public List<PastDecision> history(long sampleId) {
    List<PastDecision> all = history.forSample(sampleId);
    if (CurrentUser.hasRole(Roles.ADMIN) || !blind(sampleId)) {
      return all;
    }
    String me = CurrentUser.username();
    return all.stream().filter(d -> d.actor().equals(me)).toList();
  }

  /** Whether the sample's votes are still hidden from annotators: consensus, not yet final. */
  private boolean blind(long sampleId) {
    var sample = samples.get(sampleId);
    return !sample.getStatus().isFinal() && policies.requiredReviewsOf(sample.getDatasetId()) > 1;
  }

  /** The sample's status and label now. */
  public SampleState state(long sampleId) {
    var sample = samples.get(sampleId);
    return new SampleState(
        sample.getStatus(), sample.getCurrentLabel(), sample.getDecidedBy(), sample.getDecidedAt());
  }
}

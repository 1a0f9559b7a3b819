package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleStatus;
import com.relabel.security.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inter-annotator agreement and each reviewer's record, from the consensus votes (decision 0037),
 * with Krippendorff's alpha beside the kappa. A vote's category is the label it asks for, or
 * "excluded"; votes stay after a sample is final, so the final label tells which votes it
 * overturned. One query over the dataset's votes.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class ReviewAgreement {

  /** The category of an exclusion, apart from every label (labels are 0 or more). */
  private static final int EXCLUDED = -1;

  private final NamedParameterJdbcTemplate jdbc;
  private final DatasetService datasets;

  ReviewAgreement(NamedParameterJdbcTemplate jdbc, DatasetService datasets) {
    this.jdbc = jdbc;
    this.datasets = datasets;
  }

  private record Ballot(String voter, int category, Integer finalCategory) {}

  /** The dataset's agreement and reviewer records; refuses an unknown dataset. */
  public DatasetAgreement of(long datasetId) {
    datasets.get(datasetId);
    Map<Long, List<Ballot>> bySample = new LinkedHashMap<>();
    jdbc.query(
        "select v.sample_id, v.voter, v.status, v.label, s.status, s.current_label"
            + " from sample_vote v join sample s on s.id = v.sample_id"
            + " where v.dataset_id = :dataset and s.status <> 'OPEN'"
            + " order by v.sample_id, v.id",
        new MapSqlParameterSource("dataset", datasetId),
        rs -> {
          SampleStatus now = SampleStatus.valueOf(rs.getString(5));
          bySample
              .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(
                  new Ballot(
                      rs.getString(2),
                      category(SampleStatus.valueOf(rs.getString(3)), rs.getInt(4)),
                      now.isFinal() ? category(now, rs.getInt(6)) : null));
        });
    List<List<Ballot>> multiple =
        bySample.values().stream().filter(votes -> votes.size() >= 2).toList();
    boolean pairsOnly = multiple.stream().allMatch(votes -> votes.size() == 2);
    int[][] counts = counts(multiple);
    return new DatasetAgreement(
        pairsOnly ? DatasetAgreement.COHEN : DatasetAgreement.FLEISS,
        multiple.isEmpty() ? Double.NaN : pairsOnly ? cohen(multiple) : Kappa.fleiss(counts),
        Kappa.krippendorff(counts),
        multiple.size(),
        reviewers(bySample.values()));
  }

  private static int category(SampleStatus status, int label) {
    return status == SampleStatus.EXCLUDED ? EXCLUDED : label;
  }

  /** First vote against second vote, each sample one item. */
  private static double cohen(List<List<Ballot>> samples) {
    Map<Integer, Integer> dense = new HashMap<>();
    int[] first = new int[samples.size()];
    int[] second = new int[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      first[i] = dense.computeIfAbsent(samples.get(i).get(0).category(), c -> dense.size());
      second[i] = dense.computeIfAbsent(samples.get(i).get(1).category(), c -> dense.size());
    }
    return Kappa.cohen(first, second);
  }

  /** How many votes each sample got in each category: Fleiss' and Krippendorff's table. */
  private static int[][] counts(List<List<Ballot>> samples) {
    Map<Integer, Integer> dense = new HashMap<>();
    samples.forEach(votes -> votes.forEach(b -> dense.putIfAbsent(b.category(), dense.size())));
    int[][] counts = new int[samples.size()][dense.size()];
    for (int i = 0; i < samples.size(); i++) {
      for (Ballot b : samples.get(i)) {
        counts[i][dense.get(b.category())]++;
      }
    }
    return counts;
  }

  private static List<ReviewerQuality> reviewers(Iterable<List<Ballot>> samples) {
    Map<String, int[]> tally = new TreeMap<>(); // votes, settled, overturned, pairs, agreeing
    for (List<Ballot> votes : samples) {
      for (int i = 0; i < votes.size(); i++) {
        Ballot b = votes.get(i);
        int[] t = tally.computeIfAbsent(b.voter(), v -> new int[5]);
        t[0]++;
        if (b.finalCategory() != null) {
          t[1]++;
          if (b.finalCategory() != b.category()) {
            t[2]++;
          }
        }
        for (int j = 0; j < votes.size(); j++) {
          if (j != i) {
            t[3]++;
            if (votes.get(j).category() == b.category()) {
              t[4]++;
            }
          }
        }
      }
    }
    return tally.entrySet().stream()
        .map(
            e -> {
              int[] t = e.getValue();
              return new ReviewerQuality(e.getKey(), t[0], t[1], t[2], t[3], t[4]);
            })
        .toList();
  }
}

package com.relabel.review;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a method ranks a sample in a run: 1 + how many of the run's samples it scored higher. The
 * review screen shows every method's rank of the sample on screen; counting the higher scores in
 * the database walks the rank index up to the whole run, per method and per sample shown, and was
 * the costliest query of a key press with 50 annotators (docs/benchmarks.md "Reliability ...
 * Vaadin's protocol"). A finished run's scores never change, so its scores per method are read
 * once, sorted, and a rank is a binary search. The most recently used are kept, up to {@link
 * #MOST_SCORES} scores in all (8 bytes each); a run still writing its scores, or one too large to
 * keep, is counted in the database as before.
 */
@Component
class MethodRanks {

  /** 32 MB of scores: the methods of a 300,000-sample run, or a few smaller ones. */
  static final int MOST_SCORES = 4_000_000;

  private record Key(long run, String method) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final Map<Key, double[]> ascending = new LinkedHashMap<>(16, 0.75f, true);
  private long kept;

  MethodRanks(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long rank(long run, String method, double score) {
    double[] scores = scores(run, method);
    if (scores == null) {
      return 1
          + jdbc.queryForObject(
              "select count(*) from method_score where run_id = :run and method = :method"
                  + " and score > :score",
              new MapSqlParameterSource()
                  .addValue("run", run)
                  .addValue("method", method)
                  .addValue("score", score),
              Long.class);
    }
    return 1 + scores.length - firstAbove(scores, score);
  }

  /** The index of the first score above {@code score} in ascending {@code scores}. */
  private static int firstAbove(double[] scores, double score) {
    int lo = 0;
    int hi = scores.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (scores[mid] > score) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private double[] scores(long run, String method) {
    var key = new Key(run, method);
    synchronized (ascending) {
      double[] cached = ascending.get(key);
      if (cached != null) {
        return cached;
      }
    }
    var params = new MapSqlParameterSource().addValue("run", run).addValue("method", method);
    Boolean finished =
        jdbc.queryForObject(
            "select count(*) > 0 from training_run where id = :run and status = 'SUCCEEDED'",
            params,
            Boolean.class);
    if (!Boolean.TRUE.equals(finished)) {
      return null;
    }
    double[] scores =
        jdbc
            .queryForList(
                "select score from method_score where run_id = :run and method = :method",
                params,
                Double.class)
            .stream()
            .mapToDouble(Double::doubleValue)
            .toArray();
    if (scores.length > MOST_SCORES) {
      return null;
    }
    Arrays.sort(scores);
    synchronized (ascending) {
      if (ascending.putIfAbsent(key, scores) == null) {
        kept += scores.length;
      }
      var oldest = ascending.entrySet().iterator();
      while (kept > MOST_SCORES && oldest.hasNext()) {
        var entry = oldest.next();
        if (!entry.getKey().equals(key)) {
          kept -= entry.getValue().length;
          oldest.remove();
        }
      }
    }
    return scores;
  }
}

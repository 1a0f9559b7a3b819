package com.relabel.training;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures behind a run's pictures, aggregated in the database: the histogram of a score and the
 * confusion matrix of given (current) against suggested labels.
 */
@Service
@Transactional(readOnly = true)
public class RunCharts {

  /**
   * The ensemble's name in {@link #histogram}; any other name is a method of {@code method_score}.
   */
  public static final String ENSEMBLE = "ensemble";

  private final JdbcTemplate jdbc;

  RunCharts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts of a run's scores in {@code bins} equal-width bins from the lowest to the highest score.
   *
   * @param method {@link #ENSEMBLE} or a method name stored for the run
   */
  public ScoreHistogram histogram(long runId, String method, int bins) {
    if (bins < 1 || bins > 1000) {
      throw new IllegalArgumentException("bins must be between 1 and 1000, not " + bins);
    }
    boolean ensemble = ENSEMBLE.equals(method);
    String from =
        ensemble
            ? " from sample_score where run_id = ?"
            : " from method_score where run_id = ? and method = ?";
    Object[] args = ensemble ? new Object[] {runId} : new Object[] {runId, method};
    double[] range = new double[2];
    long[] total = new long[1];
    jdbc.query(
        "select min(score), max(score), count(*)" + from,
        rs -> {
          range[0] = rs.getDouble(1);
          range[1] = rs.getDouble(2);
          total[0] = rs.getLong(3);
        },
        args);
    long[] counts = new long[bins];
    if (total[0] == 0) {
      return new ScoreHistogram(method, 0, 0, counts);
    }
    double width = range[1] > range[0] ? (range[1] - range[0]) / bins : 1;
    Object[] binArgs = new Object[args.length + 2];
    binArgs[0] = range[0];
    binArgs[1] = width;
    System.arraycopy(args, 0, binArgs, 2, args.length);
    jdbc.query(
        "select bin, count(*) from (select floor((score - ?) / ?) as bin"
            + from
            + ") binned group by bin",
        rs -> {
          int bin = (int) Math.min(bins - 1, Math.max(0, rs.getLong(1)));
          counts[bin] += rs.getLong(2);
        },
        binArgs);
    return new ScoreHistogram(method, range[0], width, counts);
  }

  /**
   * How many scored samples of a run have current label {@code given} (row) and the model's
   * prediction {@code predicted} (column); samples without a suggestion are left out. The
   * suggestion is the likeliest class other than the given label (decision 0023), so where the run
   * stored a {@code margin} score the prediction is the given label itself whenever that margin is
   * not positive (no other class beats it), and the suggestion otherwise; runs without one count
   * their suggestion.
   */
  public ConfusionMatrix confusion(long runId, int numClasses) {
    long[][] counts = new long[numClasses][numClasses];
    String predicted =
        "case when m.score is not null and m.score <= 0 then s.current_label"
            + " else sc.suggested_label end";
    jdbc.query(
        "select s.current_label, "
            + predicted
            + ", count(*) from sample_score sc"
            + " join sample s on s.id = sc.sample_id"
            + " left join method_score m on m.run_id = sc.run_id and m.method = 'margin'"
            + " and m.sample_id = sc.sample_id"
            + " where sc.run_id = ? and sc.suggested_label is not null"
            + " group by s.current_label, "
            + predicted,
        rs -> {
          int given = rs.getInt(1);
          int suggested = rs.getInt(2);
          if (given >= 0 && given < numClasses && suggested >= 0 && suggested < numClasses) {
            counts[given][suggested] = rs.getLong(3);
          }
        },
        runId);
    return new ConfusionMatrix(counts);
  }

  /** The methods whose scores a run stored, by name. */
  public List<String> methods(long runId) {
    return jdbc.queryForList(
        "select distinct method from method_score where run_id = ? order by method",
        String.class,
        runId);
  }

  /**
   * Equal-width bins of a score: bin {@code i} covers {@code [min + i * width, min + (i + 1) *
   * width)}, the last one includes the maximum.
   */
  public record ScoreHistogram(String method, double min, double width, long[] counts) {
    public long total() {
      long sum = 0;
      for (long c : counts) {
        sum += c;
      }
      return sum;
    }
  }

  /** {@code counts[given][suggested]}. */
  public record ConfusionMatrix(long[][] counts) {
    public int numClasses() {
      return counts.length;
    }

    /** Samples whose suggestion differs from their label. */
    public long disagreements() {
      long sum = 0;
      for (int g = 0; g < counts.length; g++) {
        for (int s = 0; s < counts.length; s++) {
          sum += g == s ? 0 : counts[g][s];
        }
      }
      return sum;
    }
  }
}

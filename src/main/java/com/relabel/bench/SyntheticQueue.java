package com.relabel.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a synthetic, already scored dataset for load tests of the review queue: a dataset, its
 * samples (optionally with tiny 28x28 pixels), one SUCCEEDED training run made active on the
 * dataset, one {@code sample_score} row per sample (score, suggested label and probability,
 * flagging methods, cartography region) and one {@code method_score} row per sample and method.
 *
 * <p>Seeded and deterministic: the same {@link Spec} gives the same rows on any database. About
 * {@link Spec#noiseRate()} of the samples behave like label errors (high scores, another suggested
 * label, region mostly HARD); the rest score low. Rows are written with JDBC batches and committed
 * batch by batch (no single huge transaction), and the run becomes active only after every score is
 * written, so a half-written dataset never has a queue.
 */
public final class SyntheticQueue {

  /** The methods that get a {@code method_score} row per sample. */
  public static final List<String> METHODS = List.of("aum", "cl", "loss");

  private static final int BATCH = 5000;
  private static final int SIDE = 28;

  /**
   * What to generate.
   *
   * @param name the dataset's (unique) name
   * @param samples number of samples, at least 1
   * @param numClasses number of classes, 2 to 256
   * @param noiseRate share of samples that look mislabeled, in [0, 1]
   * @param seed seeds every random choice
   * @param pixels whether to write a 28x28 grey image per sample ({@code sample_content})
   */
  public record Spec(
      String name, int samples, int numClasses, double noiseRate, long seed, boolean pixels) {
    public Spec {
      Objects.requireNonNull(name, "name");
      if (samples < 1) {
        throw new IllegalArgumentException("samples must be at least 1, was " + samples);
      }
      if (numClasses < 2 || numClasses > 256) {
        throw new IllegalArgumentException("classes must be 2..256, was " + numClasses);
      }
      if (!(noiseRate >= 0 && noiseRate <= 1)) {
        throw new IllegalArgumentException("noise rate must be in [0, 1], was " + noiseRate);
      }
    }

    /** The default shape: 10 classes, 10% noise, no pixels. */
    public static Spec of(String name, int samples, long seed) {
      return new Spec(name, samples, 10, 0.1, seed, false);
    }
  }

  /** A generated (or found) dataset with its active run. */
  public record Generated(long datasetId, long runId, int samples, double seconds) {}

  private final JdbcTemplate jdbc;
  private final Consumer<String> log;

  /**
   * @param log progress lines (one per table), e.g. {@code System.out::println}
   */
  public SyntheticQueue(JdbcTemplate jdbc, Consumer<String> log) {
    this.jdbc = jdbc;
    this.log = log;
  }

  /** Generates the dataset; refuses a name that already exists. */
  public Generated generate(Spec spec) {
    if (find(spec.name()) != null) {
      throw new IllegalArgumentException("a dataset named '" + spec.name() + "' already exists");
    }
    long start = System.nanoTime();
    Rows rows = Rows.draw(spec);
    long datasetId = insertDataset(spec);
    insertClassNames(datasetId, spec.numClasses());
    timed("sample", () -> insertSamples(datasetId, rows));
    long[] ids = sampleIds(datasetId, spec.samples());
    if (spec.pixels()) {
      timed("sample_content", () -> insertPixels(ids, spec.seed()));
    }
    long runId = insertRun(datasetId, spec);
    timed("sample_score", () -> insertScores(runId, ids, rows));
    for (int m = 0; m < METHODS.size(); m++) {
      int method = m;
      timed("method_score " + METHODS.get(m), () -> insertMethodScores(runId, ids, rows, method));
    }
    jdbc.update(
        "update dataset set active_run_id = ?, version = version + 1 where id = ?",
        runId,
        datasetId);
    double seconds = (System.nanoTime() - start) / 1e9;
    log.accept(
        String.format(java.util.Locale.ROOT, "generated %s in %.1f s", spec.name(), seconds));
    return new Generated(datasetId, runId, spec.samples(), seconds);
  }

  /**
   * The dataset of that name with its active run and sample count, or {@code null} when there is
   * none or it has no active run.
   */
  public Generated find(String name) {
    List<Generated> found =
        jdbc.query(
            "select d.id, d.active_run_id, (select count(*) from sample s where s.dataset_id ="
                + " d.id) from dataset d where d.name = ? and d.active_run_id is not null",
            (rs, i) -> new Generated(rs.getLong(1), rs.getLong(2), rs.getInt(3), 0),
            name);
    return found.isEmpty() ? null : found.getFirst();
  }

  /**
   * Puts every sample back to OPEN with its original label, as freshly generated: for reusing a
   * dataset between benchmark runs. The audit trail keeps its rows (it is append-only).
   *
   * @return the number of samples reopened
   */
  public int reopenAll(long datasetId) {
    return jdbc.update(
        "update sample set status = 'OPEN', current_label = original_label, decided_by = null,"
            + " decided_at = null, version = version + 1 where dataset_id = ? and (status <>"
            + " 'OPEN' or current_label <> original_label)",
        datasetId);
  }

  /**
   * Marks the {@code count} highest-scored samples of the run as CONFIRMED by {@code user}, as if
   * reviewers had already worked that far down the queue (no audit rows: this is set-up, not a
   * decision).
   */
  public int markTopDecided(long datasetId, long runId, int count, String user) {
    if (count <= 0) {
      return 0;
    }
    List<Long> top =
        jdbc.queryForList(
            "select sample_id from sample_score where run_id = ? order by score desc, sample_id"
                + " fetch first "
                + count
                + " rows only",
            Long.class,
            runId);
    Timestamp now = Timestamp.from(Instant.now());
    int[][] done =
        jdbc.batchUpdate(
            "update sample set status = 'CONFIRMED', decided_by = ?, decided_at = ?, version ="
                + " version + 1 where id = ? and dataset_id = ?",
            top,
            BATCH,
            (ps, id) -> {
              ps.setString(1, user);
              ps.setTimestamp(2, now);
              ps.setLong(3, id);
              ps.setLong(4, datasetId);
            });
    int n = 0;
    for (int[] batch : done) {
      n += batch.length;
    }
    return n;
  }

  private void timed(String table, Runnable insert) {
    long t = System.nanoTime();
    insert.run();
    log.accept(
        String.format(
            java.util.Locale.ROOT, "  %-20s %6.1f s", table, (System.nanoTime() - t) / 1e9));
  }

  private long insertDataset(Spec spec) {
    jdbc.update(
        "insert into dataset (name, kind, num_classes, image_height, image_width, image_channels,"
            + " source, created_at, version) values (?, 'IMAGE', ?, ?, ?, 1, ?, ?, 0)",
        spec.name(),
        spec.numClasses(),
        SIDE,
        SIDE,
        "synthetic (seed " + spec.seed() + ")",
        Timestamp.from(Instant.now()));
    return jdbc.queryForObject("select id from dataset where name = ?", Long.class, spec.name());
  }

  private void insertClassNames(long datasetId, int numClasses) {
    List<Object[]> args = new ArrayList<>();
    for (int k = 0; k < numClasses; k++) {
      args.add(new Object[] {datasetId, k, Integer.toString(k)});
    }
    jdbc.batchUpdate(
        "insert into class_label (dataset_id, class_index, name) values (?, ?, ?)", args);
  }

  private void insertSamples(long datasetId, Rows rows) {
    batches(
        "insert into sample (dataset_id, sample_index, original_label, current_label, status,"
            + " version) values (?, ?, ?, ?, 'OPEN', 0)",
        rows.count(),
        (ps, i) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, i);
          ps.setInt(3, rows.given[i]);
          ps.setInt(4, rows.given[i]);
        });
  }

  private long[] sampleIds(long datasetId, int count) {
    long[] ids = new long[count];
    jdbc.query(
        "select sample_index, id from sample where dataset_id = ?",
        rs -> {
          ids[rs.getInt(1)] = rs.getLong(2);
        },
        datasetId);
    return ids;
  }

  private void insertPixels(long[] ids, long seed) {
    batches(
        "insert into sample_content (sample_id, pixels) values (?, ?)",
        ids.length,
        (ps, i) -> {
          ps.setLong(1, ids[i]);
          ps.setBytes(2, pixels(seed, i));
        });
  }

  /** A smooth grey blob whose position depends on the sample: enough to tell images apart. */
  static byte[] pixels(long seed, int index) {
    var random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
    int cx = 6 + random.nextInt(SIDE - 12);
    int cy = 6 + random.nextInt(SIDE - 12);
    byte[] image = new byte[SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        image[y * SIDE + x] = (byte) Math.max(0, 255 - 12 * d2);
      }
    }
    return image;
  }

  private long insertRun(long datasetId, Spec spec) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, model, epochs, seed, methods,"
            + " requested_by, created_at, started_at, finished_at, phase, progress, sample_count,"
            + " estimated_errors, version) values (?, 'IMPORTED', 'SUCCEEDED', 'synthetic', 0, ?,"
            + " ?, 'queue-bench', ?, ?, ?, 'done', 1.0, ?, ?, 0)",
        datasetId,
        spec.seed(),
        String.join(",", METHODS),
        now,
        now,
        now,
        spec.samples(),
        (int) Math.round(spec.samples() * spec.noiseRate()));
    return jdbc.queryForObject(
        "select max(id) from training_run where dataset_id = ?", Long.class, datasetId);
  }

  private void insertScores(long runId, long[] ids, Rows rows) {
    batches(
        "insert into sample_score (run_id, sample_id, score, suggested_label,"
            + " suggested_probability, flagged_by, region, confidence, variability, correctness)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ids.length,
        (ps, i) -> {
          ps.setLong(1, runId);
          ps.setLong(2, ids[i]);
          ps.setDouble(3, rows.score[i]);
          ps.setInt(4, rows.suggested[i]);
          ps.setDouble(5, rows.probability[i]);
          ps.setString(6, rows.flaggedBy(i));
          ps.setString(7, rows.region(i));
          ps.setDouble(8, rows.confidence[i]);
          ps.setDouble(9, rows.variability[i]);
          ps.setDouble(10, 1 - rows.score[i]);
        });
  }

  private void insertMethodScores(long runId, long[] ids, Rows rows, int method) {
    String name = METHODS.get(method);
    batches(
        "insert into method_score (run_id, method, sample_id, score) values (?, ?, ?, ?)",
        ids.length,
        (ps, i) -> {
          ps.setLong(1, runId);
          ps.setString(2, name);
          ps.setLong(3, ids[i]);
          ps.setDouble(4, rows.methodScore[method][i]);
        });
  }

  /** Row setter for index {@code i}. */
  private interface RowSetter {
    void set(PreparedStatement ps, int i) throws SQLException;
  }

  /** Batches of {@link #BATCH} rows, each batch its own auto-committed statement. */
  private void batches(String sql, int count, RowSetter setter) {
    for (int from = 0; from < count; from += BATCH) {
      int start = from;
      int size = Math.min(BATCH, count - from);
      jdbc.batchUpdate(
          sql,
          new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
              setter.set(ps, start + i);
            }

            @Override
            public int getBatchSize() {
              return size;
            }
          });
    }
  }

  /** Every drawn value, by sample index; drawn once so that the tables agree with each other. */
  private record Rows(
      int[] given,
      int[] suggested,
      double[] score,
      double[] probability,
      double[] confidence,
      double[] variability,
      double[][] methodScore,
      double flagThreshold) {

    static Rows draw(Spec spec) {
      int n = spec.samples();
      var random = new SplittableRandom(spec.seed());
      int[] given = new int[n];
      int[] suggested = new int[n];
      double[] score = new double[n];
      double[] probability = new double[n];
      double[] confidence = new double[n];
      double[] variability = new double[n];
      double[][] methodScore = new double[METHODS.size()][n];
      for (int i = 0; i < n; i++) {
        boolean noisy = random.nextDouble() < spec.noiseRate();
        int label = random.nextInt(spec.numClasses());
        given[i] = label;
        if (noisy) {
          int other = random.nextInt(spec.numClasses() - 1);
          suggested[i] = other >= label ? other + 1 : other;
          score[i] = 0.6 + 0.4 * random.nextDouble();
          probability[i] = 0.5 + 0.5 * random.nextDouble();
        } else {
          suggested[i] = label;
          score[i] = 0.7 * random.nextDouble() * random.nextDouble();
          probability[i] = 0.6 + 0.4 * random.nextDouble();
        }
        confidence[i] = Math.clamp(1 - score[i] + 0.1 * (random.nextDouble() - 0.5), 0, 1);
        variability[i] = 0.4 * random.nextDouble() * (1 - Math.abs(2 * confidence[i] - 1));
        for (int m = 0; m < METHODS.size(); m++) {
          methodScore[m][i] = score[i] + 0.2 * (random.nextDouble() - 0.5);
        }
      }
      return new Rows(
          given, suggested, score, probability, confidence, variability, methodScore, 0.8);
    }

    int count() {
      return given.length;
    }

    /** The methods whose score is in their "suspicious" band, comma-separated. */
    String flaggedBy(int i) {
      var flagged = new StringBuilder();
      for (int m = 0; m < METHODS.size(); m++) {
        if (methodScore[m][i] >= flagThreshold) {
          if (!flagged.isEmpty()) {
            flagged.append(',');
          }
          flagged.append(METHODS.get(m));
        }
      }
      return flagged.toString();
    }

    String region(int i) {
      if (variability[i] >= 0.15) {
        return "AMBIGUOUS";
      }
      return confidence[i] >= 0.5 ? "EASY" : "HARD";
    }
  }
}

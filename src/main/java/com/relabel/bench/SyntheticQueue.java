package com.relabel.bench;

import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetRows;
import com.relabel.training.ScoreRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a synthetic, already scored dataset for load tests of the review queue: a dataset, its
 * samples (optionally with tiny 28x28 pixels), one SUCCEEDED training run made active on the
 * dataset, one {@code sample_score} row per sample (score, suggested label and probability,
 * flagging methods, cartography region) and one {@code method_score} row per sample and method.
 *
 * <p>Seeded and deterministic: the same {@link Spec} gives the same rows on any database. About
 * {@link Spec#noiseRate()} of the samples behave like label errors (high scores, another suggested
 * label, region mostly HARD); the rest score low. The dataset's own rows go through the dataset
 * module's {@link DatasetRows}, the run and its scores through the training module's {@link
 * ScoreRows}, the writer a real run's report goes through. Rows are written with JDBC batches and
 * committed batch by batch (no single huge transaction), and the run becomes active only after
 * every score is written, so a half-written dataset never has a queue.
 */
public final class SyntheticQueue {

  /** The methods that get a {@code method_score} row per sample. */
  public static final List<String> METHODS = List.of("aum", "cl", "loss");

  /** Rows per JDBC batch; outside a transaction each batch is its own commit. */
  static final int BATCH = 5000;

  /** The side of the optional grey images, in pixels. */
  static final int SIDE = 28;

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
    SyntheticRows rows = SyntheticRows.draw(spec);
    var datasetRows = new DatasetRows(jdbc, BATCH);
    long datasetId =
        datasetRows.imageDataset(
            spec.name(), spec.numClasses(), SIDE, SIDE, 1, "synthetic (seed " + spec.seed() + ")");
    datasetRows.classNames(datasetId, DatasetImporter.defaultClassNames(spec.numClasses()));
    long[][] ids = {null};
    timed("sample", () -> ids[0] = datasetRows.samples(datasetId, rows.given(), null));
    if (spec.pixels()) {
      timed(
          "sample_content",
          () ->
              datasetRows.pixels(
                  ids[0], 0, spec.samples(), i -> SyntheticRows.pixels(spec.seed(), i)));
    }
    var scoreRows = new ScoreRows(jdbc, BATCH);
    long runId =
        scoreRows.finishedRun(
            datasetId,
            "synthetic",
            spec.seed(),
            METHODS,
            "queue-bench",
            spec.samples(),
            (int) Math.round(spec.samples() * spec.noiseRate()));
    timed("sample_score", () -> scoreRows.sampleScores(runId, ids[0], rows));
    for (int m = 0; m < METHODS.size(); m++) {
      String method = METHODS.get(m);
      double[] scores = rows.methodScore()[m];
      timed(
          "method_score " + method,
          () -> scoreRows.methodScores(runId, method, ids[0], i -> scores[i]));
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
}

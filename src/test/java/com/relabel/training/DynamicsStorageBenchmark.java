package com.relabel.training;

import com.relabel.engine.ClassifierNetwork;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How much room the training dynamics of a large run take and how long writing them takes; run by
 * hand, not by the build (docs/benchmarks.md, "Dynamics storage at scale").
 *
 * <p>Arguments: {@code jdbcUrl user password [samples=1000000] [epochs=20] [classes=10]}. Writes,
 * into a scratch table shaped exactly like {@code run_epoch} ({@code run_epoch_bench}, dropped
 * before and after), one row per epoch with the four packed per-sample arrays of a synthetic run,
 * each epoch generated, packed and written on its own (so memory holds one epoch, not the run);
 * then the run's per-sample artifacts the same way ({@code run_artifact_bench}: sample ids, final
 * and out-of-sample probabilities, soft targets, embeddings). Reports bytes written, the database's
 * own size of the tables (PostgreSQL: {@code pg_total_relation_size}; H2: growth of the database
 * file), write time, and the time to read the epochs back one at a time as streams.
 */
public final class DynamicsStorageBenchmark {

  private DynamicsStorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int classes = args.length > 5 ? Integer.parseInt(args[5]) : 10;
    boolean postgres = url.startsWith("jdbc:postgresql:");
    Path h2File = postgres ? null : h2File(url);
    try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
      String bytes = postgres ? "bytea" : "varbinary";
      try (Statement s = c.createStatement()) {
        s.execute("drop table if exists run_epoch_bench");
        s.execute("drop table if exists run_artifact_bench");
        s.execute(
            "create table run_epoch_bench (run_id bigint not null, epoch int not null,"
                + " train_seconds double precision not null, inference_seconds double precision"
                + " not null, samples_per_second double precision not null, train_loss double"
                + " precision not null, prob_given "
                + bytes
                + " not null, predicted "
                + bytes
                + " not null, margin "
                + bytes
                + " not null, loss "
                + bytes
                + " not null, held_out_accuracy double precision, primary key (run_id, epoch))");
        s.execute(
            "create table run_artifact_bench (run_id bigint not null, name varchar(64) not null,"
                + " rows_count int not null, cols_count int not null, data "
                + bytes
                + " not null, primary key (run_id, name))");
      }
      long fileBefore = h2File == null ? 0 : Files.size(h2File);
      c.setAutoCommit(false);
      SplittableRandom random = new SplittableRandom(42);
      long written = 0;
      long start = System.nanoTime();
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into run_epoch_bench values (1, ?, 1, 1, 1, 1, ?, ?, ?, ?, 0.9)")) {
        for (int e = 1; e <= epochs; e++) {
          float[] prob = new float[n];
          int[] predicted = new int[n];
          float[] margin = new float[n];
          float[] loss = new float[n];
          for (int i = 0; i < n; i++) {
            prob[i] = (float) random.nextDouble();
            predicted[i] = random.nextInt(classes);
            margin[i] = (float) (random.nextDouble() * 20 - 10);
            loss[i] = (float) -Math.log(prob[i] + 1e-7);
          }
          byte[][] packed = {
            PackedArrays.pack(prob),
            PackedArrays.pack(predicted),
            PackedArrays.pack(margin),
            PackedArrays.pack(loss)
          };
          insert.setInt(1, e);
          for (int a = 0; a < 4; a++) {
            insert.setBytes(a + 2, packed[a]);
            written += packed[a].length;
          }
          insert.executeUpdate();
        }
      }
      c.commit();
      double epochSeconds = (System.nanoTime() - start) / 1e9;
      long epochBytes = written;

      start = System.nanoTime();
      written = 0;
      try (PreparedStatement insert =
          c.prepareStatement("insert into run_artifact_bench values (1, ?, ?, ?, ?)")) {
        written += artifact(insert, "sample_ids", n, 1, PackedArrays.pack(ids(n)));
        written +=
            artifact(insert, "final_probabilities", n, classes, randomFloats(n * classes, random));
        written +=
            artifact(
                insert, "held_out_probabilities", n, classes, randomFloats(n * classes, random));
        written += artifact(insert, "soft_targets", n, classes, randomFloats(n * classes, random));
        c.commit();
        written +=
            artifact(
                insert,
                "embeddings",
                n,
                ClassifierNetwork.EMBEDDING_SIZE,
                randomFloats(n * ClassifierNetwork.EMBEDDING_SIZE, random));
      }
      c.commit();
      double artifactSeconds = (System.nanoTime() - start) / 1e9;
      long artifactBytes = written;

      start = System.nanoTime();
      long read = 0;
      try (PreparedStatement select =
          c.prepareStatement("select loss from run_epoch_bench where run_id = 1 and epoch = ?")) {
        byte[] buffer = new byte[1 << 16];
        for (int e = 1; e <= epochs; e++) {
          select.setInt(1, e);
          try (ResultSet rs = select.executeQuery()) {
            rs.next();
            try (InputStream in = rs.getBinaryStream(1)) {
              for (int r; (r = in.read(buffer)) > 0; ) {
                read += r;
              }
            }
          }
        }
      }
      double readSeconds = (System.nanoTime() - start) / 1e9;

      String sizes;
      if (postgres) {
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "select pg_total_relation_size('run_epoch_bench'),"
                        + " pg_total_relation_size('run_artifact_bench')")) {
          rs.next();
          sizes =
              "pg_total_relation_size: run_epoch %s, run_artifact %s"
                  .formatted(mb(rs.getLong(1)), mb(rs.getLong(2)));
        }
      } else {
        try (Statement s = c.createStatement()) {
          s.execute("checkpoint sync");
        }
        sizes = "database file grew by " + mb(Files.size(h2File) - fileBefore);
      }
      System.out.printf(
          Locale.ROOT,
          "%s, %,d samples x %d epochs:%n"
              + "  run_epoch: %d rows, %s of arrays written in %.1f s (%.0f MB/s)%n"
              + "  run_artifact: %s written in %.1f s%n"
              + "  %s%n"
              + "  read back the loss of every epoch, one epoch at a time as a stream: %s in %.1f s%n",
          postgres ? "PostgreSQL" : "H2",
          n,
          epochs,
          epochs,
          mb(epochBytes),
          epochSeconds,
          epochBytes / 1e6 / epochSeconds,
          mb(artifactBytes),
          artifactSeconds,
          sizes,
          mb(read),
          readSeconds);
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("drop table run_epoch_bench");
        s.execute("drop table run_artifact_bench");
      }
    }
  }

  private static long artifact(
      PreparedStatement insert, String name, int rows, int cols, byte[] data) throws Exception {
    insert.setString(1, name);
    insert.setInt(2, rows);
    insert.setInt(3, cols);
    insert.setBytes(4, data);
    insert.executeUpdate();
    return data.length;
  }

  private static long[] ids(int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = 1_000_000L + i;
    }
    return out;
  }

  private static byte[] randomFloats(int count, SplittableRandom random) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextDouble();
    }
    return PackedArrays.pack(values);
  }

  private static Path h2File(String url) {
    String path = url.substring("jdbc:h2:file:".length()).split(";")[0];
    return Path.of(path + ".mv.db");
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}

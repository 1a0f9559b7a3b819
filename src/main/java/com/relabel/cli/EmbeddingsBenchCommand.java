package com.relabel.cli;

import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.EmbeddingsImport;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.NpyWriter;
import com.relabel.security.Roles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code java -Xmx1g -jar relabel.jar embeddings-bench [options]}: writes a seeded n x d file of
 * random vectors (NumPy, CSV or JSON Lines), makes a dataset of n samples in the given database,
 * and times attaching the file through {@link EmbeddingsImport} (read, check, write, one
 * transaction), with the heap's peak meanwhile (decision 0044, docs/benchmarks.md).
 */
public final class EmbeddingsBenchCommand {

  static final String USAGE =
      """
      Usage: relabel embeddings-bench [options]
        --samples N     samples and vectors (default 60000)
        --dimension D   numbers per vector (default 512)
        --format F      npy, csv or jsonl (default npy)
        --db DB         h2mem (default) or a JDBC URL; --user U --password P for its login
        --dir DIR       where the file is written (default: a temporary folder, deleted after)
      """;

  private final PrintStream out;
  private final Function<String[], ConfigurableApplicationContext> boot;

  EmbeddingsBenchCommand(PrintStream out, Function<String[], ConfigurableApplicationContext> boot) {
    this.out = out;
    this.boot = boot;
  }

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args, Function<String[], ConfigurableApplicationContext> boot) {
    return new EmbeddingsBenchCommand(System.out, boot).execute(args);
  }

  int execute(String[] args) {
    Options o;
    int samples;
    int dimension;
    String format;
    try {
      o =
          Options.parse(
              args,
              Set.of(
                  "--samples", "--dimension", "--format", "--db", "--user", "--password", "--dir"));
      samples = o.get("--samples", OptionValues::positive, 60_000);
      dimension = o.get("--dimension", OptionValues::positive, 512);
      format = o.get("--format", (f, v) -> v, "npy");
      if (!List.of("npy", "csv", "jsonl").contains(format)) {
        throw new IllegalArgumentException("--format must be npy, csv or jsonl, not " + format);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("relabel embeddings-bench: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    String db = o.get("--db", (f, v) -> v, "h2mem");
    String url = db.equals("h2mem") ? "jdbc:h2:mem:embeddings-bench;DB_CLOSE_DELAY=-1" : db;
    Path given = o.path("--dir");
    try (ConfigurableApplicationContext context =
        boot.apply(
            QueueBenchCommand.springArguments(
                url, o.get("--user", (f, v) -> v, null), o.get("--password", (f, v) -> v, null)))) {
      Path dir = given != null ? Files.createDirectories(given) : Files.createTempDirectory("emb");
      Path file = dir.resolve("vectors-" + samples + "x" + dimension + "." + format);
      long written = System.nanoTime();
      write(file, samples, dimension, format);
      out.printf(
          Locale.ROOT,
          "Wrote %s: %,d bytes in %.1f s%n",
          file,
          Files.size(file),
          (System.nanoTime() - written) / 1e9);
      var labels = new int[samples];
      var images = new LabeledImages(samples, 1, 1, 1, new byte[samples], labels, 2);
      long datasetId =
          context
              .getBean(DatasetImporter.class)
              .importImages(
                  "embeddings-bench-" + System.currentTimeMillis(), images, null, null, "bench")
              .getId();
      SecurityContextHolder.getContext()
          .setAuthentication(
              new UsernamePasswordAuthenticationToken(
                  "embeddings-bench",
                  "n/a",
                  AuthorityUtils.createAuthorityList("ROLE_" + Roles.ADMIN)));
      List<MemoryPoolMXBean> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getType() == MemoryType.HEAP)
              .toList();
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      var attached =
          context
              .getBean(EmbeddingsImport.class)
              .importFile(datasetId, file, file.getFileName().toString(), true);
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      out.printf(
          Locale.ROOT,
          "Attached %,d x %d (%s) in %.1f s: %,.0f vectors/s; heap peak %,d MB (max %,d MB)%n",
          attached.samples(),
          attached.dimension(),
          format,
          seconds,
          attached.samples() / seconds,
          peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      if (given == null) {
        Files.delete(file);
        Files.delete(dir);
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("relabel embeddings-bench: " + e);
      return 1;
    }
  }

  /** A seeded n x d file of standard normal numbers in the format asked. */
  static void write(Path file, int samples, int dimension, String format) throws IOException {
    var random = new Random(42);
    float[] row = new float[dimension];
    if (format.equals("npy")) {
      try (var npy = new NpyWriter(file, samples, dimension)) {
        for (int i = 0; i < samples; i++) {
          fill(row, random);
          npy.write(row);
        }
      }
      return;
    }
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      if (format.equals("csv")) {
        w.write("sample_index");
        for (int j = 0; j < dimension; j++) {
          w.write(",e" + j);
        }
        w.newLine();
      }
      for (int i = 0; i < samples; i++) {
        fill(row, random);
        var line = new StringBuilder();
        line.append(format.equals("csv") ? i + "," : "{\"sample_index\":" + i + ",\"embedding\":[");
        for (int j = 0; j < dimension; j++) {
          line.append(j == 0 ? "" : ",").append(row[j]);
        }
        line.append(format.equals("csv") ? "" : "]}");
        w.write(line.toString());
        w.newLine();
      }
    }
  }

  private static void fill(float[] row, Random random) {
    for (int j = 0; j < row.length; j++) {
      row[j] = (float) random.nextGaussian();
    }
  }
}

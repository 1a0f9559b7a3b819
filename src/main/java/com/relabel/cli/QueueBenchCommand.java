package com.relabel.cli;

import com.relabel.bench.ExportBenchmark;
import com.relabel.bench.Latencies;
import com.relabel.bench.QueueBenchmark;
import com.relabel.bench.QueuePageProbes;
import com.relabel.bench.SyntheticQueue;
import com.relabel.export.LabelExport;
import com.relabel.export.ScoreExport;
import com.relabel.review.QueueBrowser;
import com.relabel.review.ReviewService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * {@code java -jar relabel.jar queue-bench [options]}: generates (or reuses) a synthetic scored
 * dataset in the given database, then measures the server-side latency of the review queue through
 * the real services (see {@link QueueBenchmark}) and prints p50/p95/p99/max per operation. Starts
 * the application context (its web server on a random loopback port, unused).
 */
public final class QueueBenchCommand {

  static final String USAGE =
      """
      Usage: relabel queue-bench [options]
        --samples N       synthetic samples (default 1000000)
        --db DB           h2 (file ./data/queue-bench), h2mem, or a JDBC URL (default h2)
        --user U --password P   database login (default sa / empty for H2)
        --seed S          seeds the data and the simulated reviewer (default 42)
        --warmup N        unrecorded iterations first (default 300)
        --iterations N    recorded iterations: next, decision, pages (default 2000)
        --decided N       before measuring, mark the top N of the queue decided (default 0)
        --method M        also time "next" ranked by method M; none to skip (default loss)
        --reuse B         reuse an existing synthetic dataset of that size and seed, reopened
                          (default true); false refuses an existing one
        --pixels B        also write a 28x28 image per sample (default false)
        --deep-pages N    the deep grid page starts after N pages of 50 (default 200)
        --pages-every K   time the grid pages on every K-th iteration (default 10)
        --time-limit S    stop measuring after S seconds, 0 = none (default 0)
        --exports B       then time the streamed exports: labels (CSV, JSONL), scores, the
                          method's scores (default true)
        --out FILE        also write the results as Markdown
      """;

  /** The user the benchmark decides as. */
  static final String REVIEWER = "queue-bench";

  private final PrintStream out;
  private final Function<String[], ConfigurableApplicationContext> boot;

  QueueBenchCommand(PrintStream out, Function<String[], ConfigurableApplicationContext> boot) {
    this.out = out;
    this.boot = boot;
  }

  /**
   * Runs the command; returns the process exit code.
   *
   * @param boot starts the application context from Spring Boot command-line arguments
   */
  public static int run(String[] args, Function<String[], ConfigurableApplicationContext> boot) {
    return new QueueBenchCommand(System.out, boot).execute(args);
  }

  int execute(String[] args) {
    return new Usage("relabel queue-bench", USAGE)
        .run(args, QueueBenchArguments::parse, this::execute);
  }

  private int execute(QueueBenchArguments a) {
    try (ConfigurableApplicationContext context = boot.apply(springArguments(a))) {
      String report = measure(context, a);
      out.println();
      out.print(report);
      if (a.out() != null) {
        Path dir = a.out().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.writeString(a.out(), report);
        out.println("Wrote " + a.out());
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("relabel queue-bench: " + e);
      return 1;
    }
  }

  /** The database and a quiet context, as command-line properties (they win over the files). */
  static String[] springArguments(QueueBenchArguments a) {
    return springArguments(a.url(), a.user(), a.password());
  }

  /** As {@link #springArguments(QueueBenchArguments)}; user and password may be null. */
  static String[] springArguments(String url, String user, String password) {
    List<String> props = new ArrayList<>();
    // Vaadin's security configuration needs a servlet context: a web server on a random
    // loopback port, which nothing calls.
    props.add("--server.port=0");
    props.add("--management.server.port=0");
    props.add("--server.address=127.0.0.1");
    props.add("--spring.main.banner-mode=off");
    props.add("--logging.level.root=WARN");
    props.add("--relabel.bootstrap.admin-password=");
    props.add("--spring.datasource.url=" + url);
    if (user != null) {
      props.add("--spring.datasource.username=" + user);
    }
    if (password != null) {
      props.add("--spring.datasource.password=" + password);
    }
    return props.toArray(String[]::new);
  }

  private String measure(ConfigurableApplicationContext context, QueueBenchArguments a) {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    var generator = new SyntheticQueue(jdbc, out::println);
    SyntheticQueue.Generated data = generator.find(a.datasetName());
    String origin;
    if (data != null && a.reuse()) {
      int reopened = generator.reopenAll(data.datasetId());
      origin = "reused (" + reopened + " samples reopened)";
      out.println("Reusing " + a.datasetName() + ": " + origin);
    } else {
      out.println("Generating " + a.datasetName() + " ...");
      data =
          generator.generate(
              new SyntheticQueue.Spec(a.datasetName(), a.samples(), 10, 0.1, a.seed(), a.pixels()));
      origin = String.format(Locale.ROOT, "generated in %.1f s", data.seconds());
    }
    if (a.decided() > 0) {
      int marked = generator.markTopDecided(data.datasetId(), data.runId(), a.decided(), REVIEWER);
      out.println("Marked the top " + marked + " samples decided");
    }
    login(context);
    try {
      ReviewService review = context.getBean(ReviewService.class);
      var benchmark = new QueueBenchmark(review, out::println);
      QueuePageProbes.register(
          benchmark,
          context.getBean(QueueBrowser.class),
          data.datasetId(),
          a.depthPages(),
          out::println);
      List<Latencies.Summary> results =
          benchmark.run(
              data.datasetId(),
              new QueueBenchmark.Settings(
                  a.warmup(), a.iterations(), a.seed(), a.method(), a.pagesEvery(), a.timeLimit()));
      String report = header(jdbc, a, data, origin) + "\n" + QueueBenchmark.markdown(results);
      if (a.exports()) {
        report += "\n" + exports(context, data, a.method());
      }
      return report;
    } finally {
      logout(context);
    }
  }

  /** The streamed exports of the dataset, timed as an admin. */
  private String exports(
      ConfigurableApplicationContext context, SyntheticQueue.Generated data, String method) {
    login(context, "ROLE_ADMIN");
    List<ExportBenchmark.Result> results =
        ExportBenchmark.run(
            context.getBean(LabelExport.class),
            context.getBean(ScoreExport.class),
            data.datasetId(),
            data.runId(),
            method,
            out::println);
    return String.format(
            Locale.ROOT,
            "Streamed exports (Java heap at most %d MB):%n%n",
            Runtime.getRuntime().maxMemory() >> 20)
        + ExportBenchmark.markdown(results);
  }

  private static String header(
      JdbcTemplate jdbc, QueueBenchArguments a, SyntheticQueue.Generated data, String origin) {
    String database =
        jdbc.execute(
            (java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName()
                    + " "
                    + c.getMetaData().getDatabaseProductVersion());
    return String.format(
        Locale.ROOT,
        "Review queue latency: %,d samples (%s), %s, %s%n"
            + "%,d decided before measuring, %d warm-up and %d measured iterations (grid pages"
            + " every %d), seed %d; next sample from %s%n",
        data.samples(),
        origin,
        database,
        a.url().replaceAll("password=[^;&]*", "password=***"),
        a.decided(),
        a.warmup(),
        a.iterations(),
        a.pagesEvery(),
        a.seed(),
        "ReviewService.next");
  }

  private static void login(ConfigurableApplicationContext context) {
    login(context, "ROLE_ANNOTATOR");
  }

  private static void login(ConfigurableApplicationContext context, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            REVIEWER, "n/a", AuthorityUtils.createAuthorityList(role));
    context
        .getBeanProvider(SecurityContextHolderStrategy.class)
        .ifAvailable(s -> s.getContext().setAuthentication(auth));
    SecurityContextHolder.getContext().setAuthentication(auth);
  }

  private static void logout(ConfigurableApplicationContext context) {
    context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(s -> s.clearContext());
    SecurityContextHolder.clearContext();
  }
}

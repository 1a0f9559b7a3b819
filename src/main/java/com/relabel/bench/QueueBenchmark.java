package com.relabel.bench;

import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Server-side latency of the review queue, measured through the real services as a reviewer uses
 * them: take the next sample, decide it (confirm, correct to the suggestion, exclude) or now and
 * then skip it, and in between run the read-only {@linkplain #addOperation extra operations} (grid
 * pages). Decisions move samples out of OPEN, so "next" is measured on a queue that is being worked
 * down. The caller must be logged in as a reviewer on the calling thread.
 *
 * <p>Each timing is the wall time of one service call in this JVM: the transaction, the queries and
 * their round trips to the database, not the browser or the network.
 */
public final class QueueBenchmark {

  /** Name of the measured operations that every run has. */
  public static final String NEXT = "next sample";

  public static final String DECIDE = "decision";

  /**
   * How long to run.
   *
   * @param warmup iterations run first and not recorded
   * @param iterations recorded iterations (one next, one decision or skip, the extra operations)
   * @param seed seeds the simulated reviewer's choices
   * @param method a single method to rank "next" by as well, or {@code null} for none
   * @param operationsEvery run the extra operations every this many iterations (1 = always)
   * @param timeLimitSeconds stop measuring after this long (0 = no limit); the summaries say how
   *     many calls were measured
   */
  public record Settings(
      int warmup,
      int iterations,
      long seed,
      String method,
      int operationsEvery,
      long timeLimitSeconds) {
    public Settings {
      if (warmup < 0 || iterations < 1 || operationsEvery < 1 || timeLimitSeconds < 0) {
        throw new IllegalArgumentException(
            "warmup >= 0, iterations >= 1, operationsEvery >= 1, timeLimit >= 0 expected");
      }
    }

    /** Every operation on every iteration, no time limit. */
    public Settings(int warmup, int iterations, long seed, String method) {
      this(warmup, iterations, seed, method, 1, 0);
    }
  }

  private final ReviewService review;
  private final Consumer<String> log;
  private final Map<String, Runnable> operations = new LinkedHashMap<>();

  /** Measures {@link ReviewService#next} and {@link ReviewService#decide}. */
  public QueueBenchmark(ReviewService review, Consumer<String> log) {
    this.review = review;
    this.log = log;
  }

  /**
   * Adds a read-only operation measured once per iteration, after the decision (for instance a grid
   * page); it runs on the calling thread with its login.
   */
  public QueueBenchmark addOperation(String name, Runnable operation) {
    operations.put(name, operation);
    return this;
  }

  /** Runs warm-up and measurement on the dataset's queue; one summary per operation. */
  public List<Latencies.Summary> run(long datasetId, Settings settings) {
    var random = new SplittableRandom(settings.seed());
    Set<Long> skipped = new LinkedHashSet<>();
    log.accept("warm-up: " + settings.warmup() + " iterations");
    iterate(datasetId, settings, settings.warmup(), random, skipped, recorders(settings));
    log.accept("measuring: " + settings.iterations() + " iterations");
    Map<String, Latencies> recorded = recorders(settings);
    int decided = iterate(datasetId, settings, settings.iterations(), random, skipped, recorded);
    log.accept(decided + " decisions, " + skipped.size() + " samples skipped in all");
    List<Latencies.Summary> summaries = new ArrayList<>();
    recorded.values().forEach(l -> summaries.add(l.summary()));
    return summaries;
  }

  private Map<String, Latencies> recorders(Settings settings) {
    Map<String, Latencies> recorders = new LinkedHashMap<>();
    recorders.put(NEXT, new Latencies(NEXT));
    if (settings.method() != null) {
      String name = nextBy(settings.method());
      recorders.put(name, new Latencies(name));
    }
    recorders.put(DECIDE, new Latencies(DECIDE));
    operations.keySet().forEach(name -> recorders.put(name, new Latencies(name)));
    return recorders;
  }

  private static String nextBy(String method) {
    return NEXT + " (ranked by " + method + ")";
  }

  private int iterate(
      long datasetId,
      Settings settings,
      int iterations,
      SplittableRandom random,
      Set<Long> skipped,
      Map<String, Latencies> recorders) {
    int decided = 0;
    long deadline =
        settings.timeLimitSeconds() == 0
            ? Long.MAX_VALUE
            : System.nanoTime() + settings.timeLimitSeconds() * 1_000_000_000L;
    for (int i = 0; i < iterations; i++) {
      if (System.nanoTime() > deadline) {
        log.accept("time limit reached after " + i + " iterations");
        break;
      }
      Optional<QueueItem> next =
          recorders.get(NEXT).time(() -> review.next(datasetId, skipped, ReviewService.ENSEMBLE));
      if (next.isEmpty()) {
        throw new IllegalStateException("the queue ran empty after " + i + " iterations");
      }
      if (settings.method() != null) {
        recorders
            .get(nextBy(settings.method()))
            .time(() -> review.next(datasetId, skipped, settings.method()));
      }
      QueueItem item = next.get();
      double choice = random.nextDouble();
      if (choice < 0.05) {
        skipped.add(item.sampleId());
      } else {
        ReviewAction action = action(item, choice);
        int label = action == ReviewAction.CORRECT ? item.suggestedLabel() : item.currentLabel();
        recorders.get(DECIDE).time(() -> review.decide(item, action, label));
        decided++;
      }
      if (i % settings.operationsEvery() != 0) {
        continue;
      }
      for (var op : operations.entrySet()) {
        recorders
            .get(op.getKey())
            .time(
                () -> {
                  op.getValue().run();
                  return null;
                });
      }
    }
    return decided;
  }

  /** Mostly what the suggestion says: correct when it differs, else confirm; a few excluded. */
  private static ReviewAction action(QueueItem item, double choice) {
    if (choice < 0.07) {
      return ReviewAction.EXCLUDE;
    }
    Integer suggested = item.suggestedLabel();
    if (suggested != null && suggested != item.currentLabel() && choice < 0.85) {
      return ReviewAction.CORRECT;
    }
    return ReviewAction.CONFIRM;
  }

  /** The summaries as a Markdown table, in milliseconds. */
  public static String markdown(List<Latencies.Summary> summaries) {
    var table = new StringBuilder();
    table.append("| operation | n | p50 ms | p95 ms | p99 ms | max ms | mean ms |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Latencies.Summary s : summaries) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              s.operation(),
              s.count(),
              s.p50(),
              s.p95(),
              s.p99(),
              s.max(),
              s.mean()));
    }
    return table.toString();
  }
}

package com.relabel.cli;

import static com.relabel.cli.OptionValues.atLeast;
import static com.relabel.cli.OptionValues.parseLong;
import static com.relabel.cli.OptionValues.positive;

import java.nio.file.Path;
import java.util.Locale;

/** The parsed options of {@code relabel queue-bench}. */
record QueueBenchArguments(
    int samples,
    String url,
    String user,
    String password,
    long seed,
    int warmup,
    int iterations,
    int decided,
    String method,
    boolean reuse,
    boolean pixels,
    int depthPages,
    int pagesEvery,
    long timeLimit,
    boolean exports,
    Path out) {

  /** The H2 file database that {@code --db h2} means. */
  static final String H2_FILE =
      "jdbc:h2:file:./data/queue-bench;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";

  static QueueBenchArguments parse(String[] args) {
    int samples = 1_000_000;
    String db = "h2";
    String user = null;
    String password = null;
    long seed = 42;
    int warmup = 300;
    int iterations = 2000;
    int decided = 0;
    String method = "loss";
    boolean reuse = true;
    boolean pixels = false;
    int depthPages = 200;
    int pagesEvery = 10;
    long timeLimit = 0;
    boolean exports = true;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--samples" -> samples = positive(flag, value);
        case "--db" -> db = value;
        case "--user" -> user = value;
        case "--password" -> password = value;
        case "--seed" -> seed = parseLong(flag, value);
        case "--warmup" -> warmup = (int) atLeast(flag, value, 0);
        case "--iterations" -> iterations = positive(flag, value);
        case "--decided" -> decided = (int) atLeast(flag, value, 0);
        case "--method" -> method = value.equals("none") ? null : value;
        case "--reuse" -> reuse = bool(flag, value);
        case "--pixels" -> pixels = bool(flag, value);
        case "--deep-pages" -> depthPages = (int) atLeast(flag, value, 0);
        case "--pages-every" -> pagesEvery = positive(flag, value);
        case "--time-limit" -> timeLimit = atLeast(flag, value, 0);
        case "--exports" -> exports = bool(flag, value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    String url =
        switch (db) {
          case "h2" -> H2_FILE;
          case "h2mem" -> "jdbc:h2:mem:queue-bench;DB_CLOSE_DELAY=-1";
          default -> {
            if (!db.startsWith("jdbc:")) {
              throw new IllegalArgumentException(
                  "--db must be h2, h2mem or a JDBC URL (jdbc:...), not " + db);
            }
            yield db;
          }
        };
    if (decided + (long) warmup + iterations > samples) {
      throw new IllegalArgumentException(
          "--decided + --warmup + --iterations must not exceed --samples ("
              + samples
              + "): the queue would run empty");
    }
    boolean h2 = url.startsWith("jdbc:h2:");
    return new QueueBenchArguments(
        samples,
        url,
        user != null ? user : (h2 ? "sa" : null),
        password != null ? password : (h2 ? "" : null),
        seed,
        warmup,
        iterations,
        decided,
        method,
        reuse,
        pixels,
        depthPages,
        pagesEvery,
        timeLimit,
        exports,
        out);
  }

  /** The synthetic dataset's name: one per size and seed, so a later run can reuse it. */
  String datasetName() {
    return "synthetic-" + samples + "-seed" + seed;
  }

  private static boolean bool(String flag, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException(flag + " must be true or false, not " + value);
    };
  }
}

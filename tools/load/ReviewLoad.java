import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load test of reviewing over the REST API (decision 0034), run by hand against a running app:
 * {@code java tools/load/ReviewLoad.java --url http://localhost:8080 --token rlb_... --dataset 1}.
 * It starts nothing itself. With an admin's token it makes N annotators and a token for each
 * through the API, lets them review the dataset's queue at once (next sample, then a decision,
 * D times each), prints throughput and p50/p95/p99 latencies, and checks that every accepted
 * decision is in the audit trail once and in the label export as decided, with none lost and none
 * doubled. At the end it revokes the tokens and disables the annotators it made. Exit code 0: the
 * checks held; 1: they did not; 2: it could not run. Needs JDK 25 and nothing else.
 */
public class ReviewLoad {

  record Options(
      URI base,
      String adminToken,
      long dataset,
      int annotators,
      int decisions,
      int waitSeconds,
      int thinkMillis) {}

  /** A decision the app accepted; label null when the client does not know it (UidlLoad). */
  record Accepted(String user, int sample, String status, Integer label) {}

  record Reviewer(String name, String token, long tokenId) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final String USAGE =
      """
      Usage: java tools/load/ReviewLoad.java --token ADMIN_TOKEN --dataset ID
               [--url http://localhost:8080] [--annotators 50] [--decisions 40] [--wait 600]
               [--think-ms 0]
      ADMIN_TOKEN: a Full token of an admin (API tokens page). The dataset needs scores (an active
      run) and at least annotators x decisions open samples; --wait: seconds to wait for its run.
      --think-ms: how long an annotator looks at a sample before deciding, on average (uniform
      between 0 and twice it); 0, the default, measures the server at saturation.
      """;

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ReviewLoad: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    System.exit(new ReviewLoad(options).run());
  }

  final Options options;
  private final Samples nextTimes = new Samples();
  private final Samples decisionTimes = new Samples();
  final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
  final AtomicInteger conflicts = new AtomicInteger();
  final AtomicInteger emptyQueue = new AtomicInteger();
  final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

  ReviewLoad(Options options) {
    this.options = options;
  }

  /** The annotators {@link #prepare} made for one run, and what they review. */
  record Crew(String prefix, String password, List<Reviewer> reviewers, int classes, String dataset) {}

  int run() throws Exception {
    Crew crew = prepare();
    if (crew == null) {
      return 2;
    }
    Instant started = Instant.now().minusSeconds(1);
    double wall =
        together(
            crew.reviewers(),
            (reviewer, seat, go) -> review(reviewer, seat, crew.classes(), crew.dataset(), go));
    return finish(
        crew,
        started,
        wall,
        List.of(
            nextTimes.row("GET review/next"),
            decisionTimes.row("POST review/{sample}/decision")));
  }

  /**
   * Checks that the dataset has scores and enough open samples, then makes the annotators (each
   * with a password and a Full token). Null when the dataset cannot take the run.
   */
  Crew prepare() throws Exception {
    String admin = options.adminToken();
    String dataset = "/api/v1/datasets/" + options.dataset();
    Map<String, Object> info = waitForScores(admin, dataset);
    int classes = ((List<?>) info.get("classes")).size();
    long open = ((Number) info.get("open")).longValue();
    int wanted = options.annotators() * options.decisions();
    System.out.printf(
        "Dataset %d '%s': %d samples, %d open, %d classes, run %s%n",
        options.dataset(), info.get("name"), info.get("samples"), open, classes, info.get("activeRunId"));
    if (open < wanted) {
      System.err.printf(
          "The dataset has %d open samples; %d annotators x %d decisions need %d%n",
          open, options.annotators(), options.decisions(), wanted);
      return null;
    }

    String prefix = "load" + Long.toString(System.currentTimeMillis() / 1000, 36);
    String password = randomPassword();
    long setupStart = System.nanoTime();
    List<Reviewer> reviewers = new ArrayList<>();
    for (int i = 0; i < options.annotators(); i++) {
      String name = prefix + "-" + i;
      expect(
          post(admin, "/api/v1/users", json("username", name, "password", password, "role", "annotator")),
          201);
      var made =
          object(expect(post(admin, "/api/v1/tokens", json("name", "load test", "owner", name)), 201));
      reviewers.add(
          new Reviewer(name, (String) made.get("token"), ((Number) made.get("id")).longValue()));
    }
    System.out.printf(
        "Made %d annotators with tokens (user prefix %s) in %.1f s%n",
        reviewers.size(), prefix, (System.nanoTime() - setupStart) / 1e9);
    return new Crew(prefix, password, reviewers, classes, dataset);
  }

  /** What one annotator does, on a thread of its own, once {@code go} opens. */
  interface Work {
    void run(Reviewer reviewer, int seat, CountDownLatch go);
  }

  /** Runs every reviewer's work at once; the seconds from the start until the last one ended. */
  static double together(List<Reviewer> reviewers, Work work) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < reviewers.size(); i++) {
      Reviewer reviewer = reviewers.get(i);
      int seat = i;
      threads.add(
          Thread.ofPlatform().name(reviewer.name()).start(() -> work.run(reviewer, seat, go)));
    }
    long t0 = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Prints the throughput and the latency table, checks accepted = audited = exported, revokes the
   * tokens and disables the annotators; the exit code.
   */
  int finish(Crew crew, Instant started, double wall, List<String> rows) throws Exception {
    System.out.println();
    System.out.printf(
        "%d annotators x %d decisions (think time %d ms on average): %d accepted, %d conflicts, %d empty queue,"
            + " %d errors in %.1f s = %.1f decisions/s%n",
        options.annotators(),
        options.decisions(),
        options.thinkMillis(),
        accepted.size(),
        conflicts.get(),
        emptyQueue.get(),
        errors.size(),
        wall,
        accepted.size() / wall);
    System.out.println("| call | n | p50 ms | p95 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    errors.stream().limit(5).forEach(e -> System.out.println("error: " + e));

    boolean ok = verify(options.adminToken(), crew.dataset(), crew.prefix(), started);
    cleanUp(options.adminToken(), crew.reviewers());
    return ok && errors.isEmpty() ? 0 : 1;
  }

  /** One annotator: next, then a decision, until they made theirs or the queue is empty. */
  private void review(Reviewer reviewer, int seat, int classes, String dataset, CountDownLatch go) {
    try {
      go.await();
      int made = 0;
      int attempts = 0;
      while (made < options.decisions() && attempts++ < options.decisions() * 3) {
        long t = System.nanoTime();
        var next = get(reviewer.token(), dataset + "/review/next");
        nextTimes.add(System.nanoTime() - t);
        if (next.statusCode() == 204) {
          emptyQueue.incrementAndGet();
          return;
        }
        if (next.statusCode() != 200) {
          errors.add(reviewer.name() + " next: " + next.statusCode() + " " + next.body());
          continue;
        }
        var shown = object(next.body());
        if (options.thinkMillis() > 0) {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(2 * options.thinkMillis() + 1));
        }
        int sample = ((Number) shown.get("sample")).intValue();
        int given = ((Number) shown.get("givenLabel")).intValue();
        // a fixed mix, different per seat: mostly confirm, some corrections, a few exclusions
        int pick = Math.floorMod(seat * 7 + made * 3, 10);
        String action = pick < 7 ? "confirm" : pick < 9 ? "correct" : "exclude";
        int label = "correct".equals(action) ? (given + 1) % classes : given;
        String body =
            "{\"action\":\""
                + action
                + "\","
                + ("correct".equals(action) ? "\"label\":" + label + "," : "")
                + "\"version\":"
                + shown.get("version")
                + "}";
        t = System.nanoTime();
        var decided = post(reviewer.token(), dataset + "/review/" + sample + "/decision", body);
        decisionTimes.add(System.nanoTime() - t);
        switch (decided.statusCode()) {
          case 200 -> {
            var answer = object(decided.body());
            accepted.add(
                new Accepted(
                    reviewer.name(),
                    sample,
                    (String) answer.get("status"),
                    ((Number) answer.get("label")).intValue()));
            made++;
          }
          case 409 -> conflicts.incrementAndGet();
          default ->
              errors.add(
                  reviewer.name() + " decision: " + decided.statusCode() + " " + decided.body());
        }
      }
    } catch (Exception e) {
      errors.add(reviewer.name() + ": " + e);
    }
  }

  /**
   * Accepted = audited = exported: each accepted decision has exactly one audit row by its
   * annotator and is in the label export with its annotator, status and label; no sample was
   * accepted twice, and the audit holds no decision of this run that was not accepted.
   */
  private boolean verify(String admin, String dataset, String prefix, Instant started)
      throws Exception {
    Map<Integer, List<String>> audited = new HashMap<>();
    var audit =
        expect(
            get(
                admin,
                "/api/v1/audit?dataset="
                    + options.dataset()
                    + "&from="
                    + URLEncoder.encode(started.toString(), StandardCharsets.UTF_8)),
            200);
    int auditRows = 0;
    for (String line : audit.split("\n")) {
      String[] f = line.split(",", -1);
      // id, occurred_at, actor, action, dataset_id, sample_id, sample_index, ...
      if (f.length > 6 && f[2].startsWith(prefix + "-")) {
        auditRows++;
        audited.computeIfAbsent(Integer.parseInt(f[6]), k -> new ArrayList<>()).add(f[2] + " " + f[3]);
      }
    }
    Map<Integer, Map<String, Object>> exported = new HashMap<>();
    var labels = expect(get(admin, dataset + "/labels?format=jsonl"), 200);
    for (String line : labels.split("\n")) {
      if (!line.isBlank()) {
        var row = object(line);
        Object by = row.get("decided_by");
        if (by instanceof String s && s.startsWith(prefix + "-")) {
          exported.put(((Number) row.get("sample_index")).intValue(), row);
        }
      }
    }
    Set<Integer> samples = new HashSet<>();
    int duplicated = 0;
    int lost = 0;
    for (Accepted a : accepted) {
      if (!samples.add(a.sample())) {
        duplicated++;
      }
      List<String> rows = audited.getOrDefault(a.sample(), List.of());
      Map<String, Object> row = exported.get(a.sample());
      boolean inExport =
          row != null
              && a.user().equals(row.get("decided_by"))
              && a.status().toUpperCase(Locale.ROOT).equals(row.get("status"))
              && (a.label() == null || a.label() == ((Number) row.get("current_label")).intValue());
      if (rows.size() != 1 || !rows.get(0).startsWith(a.user() + " ") || !inExport) {
        lost++;
        if (lost <= 5) {
          System.out.println("mismatch: " + a + " audit " + rows + " export " + row);
        }
      }
    }
    int auditedOnce = (int) audited.values().stream().filter(r -> r.size() == 1).count();
    int doubledInAudit = (int) audited.values().stream().filter(r -> r.size() > 1).count();
    System.out.println();
    System.out.printf(
        "accepted %d = audited %d (rows %d) = exported %d; lost %d, duplicated %d (audit: %d samples"
            + " with more than one row)%n",
        accepted.size(), auditedOnce, auditRows, exported.size(), lost, duplicated, doubledInAudit);
    boolean ok =
        lost == 0
            && duplicated == 0
            && doubledInAudit == 0
            && auditRows == accepted.size()
            && exported.size() == accepted.size();
    System.out.println(ok ? "CHECK OK" : "CHECK FAILED");
    return ok;
  }

  /** The run leaves no live credentials behind: tokens revoked, annotators disabled. */
  private void cleanUp(String admin, List<Reviewer> reviewers) throws Exception {
    for (Reviewer r : reviewers) {
      send(admin, "DELETE", "/api/v1/tokens/" + r.tokenId(), null);
      post(admin, "/api/v1/users/" + r.name() + "/disable", "");
    }
    System.out.printf("Revoked %d tokens and disabled their annotators%n", reviewers.size());
  }

  private Map<String, Object> waitForScores(String admin, String dataset) throws Exception {
    long deadline = System.nanoTime() + options.waitSeconds() * 1_000_000_000L;
    while (true) {
      var info = object(expect(get(admin, dataset), 200));
      if (info.get("activeRunId") != null) {
        return info;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("dataset has no scores after " + options.waitSeconds() + " s");
      }
      System.out.println("Waiting for the dataset's first run to finish...");
      Thread.sleep(5000);
    }
  }

  // --- HTTP -----------------------------------------------------------------------------------

  private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
    return send(token, "GET", path, null);
  }

  private HttpResponse<String> post(String token, String path, String json)
      throws IOException, InterruptedException {
    return send(token, "POST", path, json);
  }

  private HttpResponse<String> send(String token, String method, String path, String json)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(options.base().resolve(path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private static String json(String... keysAndValues) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.append(i == 0 ? "" : ",")
          .append('"')
          .append(keysAndValues[i])
          .append("\":\"")
          .append(keysAndValues[i + 1].replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return b.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) {
    return (Map<String, Object>) new Json(json).value();
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  // --- options and figures --------------------------------------------------------------------

  static Options parse(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      given.put(args[i].substring(2), args[++i]);
    }
    Set<String> known =
        Set.of("url", "token", "dataset", "annotators", "decisions", "wait", "think-ms");
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    String token = given.getOrDefault("token", System.getenv().getOrDefault("RELABEL_TOKEN", ""));
    if (token.isBlank() || !given.containsKey("dataset")) {
      throw new IllegalArgumentException("--token (or RELABEL_TOKEN) and --dataset are required");
    }
    return new Options(
        URI.create(given.getOrDefault("url", "http://localhost:8080")),
        token,
        number(given, "dataset", "0"),
        (int) number(given, "annotators", "50"),
        (int) number(given, "decisions", "40"),
        (int) number(given, "wait", "600"),
        (int) number(given, "think-ms", "0"));
  }

  private static long number(Map<String, String> given, String name, String fallback) {
    String value = given.getOrDefault(name, fallback);
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + value + "'");
    }
  }

  /** Latencies in nanoseconds, from many threads. */
  static final class Samples {
    private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
      values.add(nanos);
    }

    String row(String name) {
      long[] sorted;
      synchronized (values) {
        sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      if (sorted.length == 0) {
        return "| " + name + " | 0 | | | | |";
      }
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.0f | %.0f | %.0f | %.0f |",
          name,
          sorted.length,
          ms(sorted, 0.50),
          ms(sorted, 0.95),
          ms(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
  }

  /** Just enough JSON for the API's answers: objects, arrays, strings, numbers, literals. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      return switch (c) {
        case '{' -> obj();
        case '[' -> arr();
        case '"' -> str();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> num();
      };
    }

    private Map<String, Object> obj() {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      skip();
      if (s.charAt(i) == '}') {
        i++;
        return m;
      }
      while (true) {
        skip();
        String k = str();
        skip();
        i++; // ':'
        m.put(k, value());
        skip();
        if (s.charAt(i++) == '}') {
          return m;
        }
      }
    }

    private List<Object> arr() {
      List<Object> l = new ArrayList<>();
      i++;
      skip();
      if (s.charAt(i) == ']') {
        i++;
        return l;
      }
      while (true) {
        l.add(value());
        skip();
        if (s.charAt(i++) == ']') {
          return l;
        }
      }
    }

    private String str() {
      StringBuilder b = new StringBuilder();
      i++;
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      i++;
      return b.toString();
    }

    private Number num() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String n = s.substring(start, i);
      if (n.contains(".") || n.contains("e") || n.contains("E")) {
        return Double.parseDouble(n);
      }
      return Long.parseLong(n); // not in one ?: with the double, which would widen it
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, i)) {
        throw new IllegalArgumentException("bad JSON at " + i + ": " + s);
      }
      i += word.length();
      return value;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}

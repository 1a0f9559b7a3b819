import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load test of the review screen through Vaadin's own protocol, run by hand against a running
 * app: {@code java tools/load/UidlLoad.java --url http://localhost:8080 --token rlb_... --dataset
 * 1}. Each annotator is what a browser tab sends, without the browser: the login form, the review
 * route's start-up request ({@code ?v-r=init}), the navigation event, then one UIDL request per key
 * press (Enter confirms, X excludes), each naming the sample on screen as the page's key listener
 * does (ReviewKeys, ShownSample). A decision's latency is from sending the key press until the
 * answer that shows the next sample. The annotators, the accepted = audited = exported check and
 * the clean-up are ReviewLoad's (same folder, so the JDK compiles it along). Needs JDK 25.
 */
public class UidlLoad {

  private static final String USAGE =
      """
      Usage: java tools/load/UidlLoad.java --token ADMIN_TOKEN --dataset ID
               [--url http://localhost:8080] [--annotators 50] [--decisions 40] [--wait 600]
               [--think-ms 0]
      As ReviewLoad (tools/load/README.md), but the annotators review in the review screen through
      Vaadin's protocol instead of the REST API.
      """;

  public static void main(String[] args) throws Exception {
    ReviewLoad.Options options;
    try {
      options = ReviewLoad.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("UidlLoad: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    System.exit(new UidlLoad(new ReviewLoad(options)).run());
  }

  private final ReviewLoad load;
  private final ReviewLoad.Samples opening = new ReviewLoad.Samples();
  private final ReviewLoad.Samples deciding = new ReviewLoad.Samples();

  UidlLoad(ReviewLoad load) {
    this.load = load;
  }

  int run() throws Exception {
    ReviewLoad.Crew crew = load.prepare();
    if (crew == null) {
      return 2;
    }
    Instant started = Instant.now().minusSeconds(1);
    double wall =
        ReviewLoad.together(
            crew.reviewers(), (reviewer, seat, go) -> review(crew, reviewer, seat, go));
    return load.finish(
        crew,
        started,
        wall,
        List.of(
            opening.row("log in and open the review screen"),
            deciding.row("key press to the next sample shown")));
  }

  /** One annotator in one tab: log in, open the queue, press Enter or X, D times. */
  private void review(
      ReviewLoad.Crew crew, ReviewLoad.Reviewer reviewer, int seat, CountDownLatch go) {
    try {
      go.await();
      var tab = new Tab(load.options.base());
      long t = System.nanoTime();
      tab.login(reviewer.name(), crew.password());
      tab.open("review/" + load.options.dataset());
      opening.add(System.nanoTime() - t);
      int made = 0;
      int presses = 0;
      while (made < load.options.decisions() && presses++ < load.options.decisions() * 3) {
        if (tab.shown == null) {
          load.emptyQueue.incrementAndGet();
          return;
        }
        think();
        int index = tab.sampleIndex;
        // a fixed mix, different per seat: mostly confirm, some exclusions
        boolean exclude = Math.floorMod(seat * 7 + made * 3, 10) < 2;
        String before = tab.shown;
        t = System.nanoTime();
        tab.press(exclude ? "x" : "Enter", exclude ? "KeyX" : "Enter");
        deciding.add(System.nanoTime() - t);
        if (tab.stale) {
          load.conflicts.incrementAndGet();
        } else if (before.equals(tab.shown)) {
          load.errors.add(reviewer.name() + ": the key press left sample " + before + " on screen");
          return;
        } else {
          load.accepted.add(
              new ReviewLoad.Accepted(
                  reviewer.name(), index, exclude ? "excluded" : "confirmed", null));
          made++;
        }
      }
    } catch (Exception e) {
      load.errors.add(reviewer.name() + ": " + e);
    }
  }

  private void think() throws InterruptedException {
    int mean = load.options.thinkMillis();
    if (mean > 0) {
      Thread.sleep(ThreadLocalRandom.current().nextInt(2 * mean + 1));
    }
  }

  /**
   * One browser tab as the server sees it: a session cookie, the UI's id, the CSRF token, and the
   * sync and client counters that every UIDL request carries. What it reads back from the answers
   * is only what the test needs: the sample on screen ({@value #SHOWN}, "id@version", as the view
   * marks it) and its number ("Sample #N").
   */
  static final class Tab {
    private static final String SHOWN = "data-shown-sample";
    private static final String SHOWN_DATA =
        "element.querySelector('[" + SHOWN + "]')?.getAttribute('" + SHOWN + "')";
    /** The view's heading, a text node's whole value (tooltips elsewhere say more after it). */
    private static final Pattern SAMPLE_NUMBER =
        Pattern.compile("\"key\":\"text\",\"feat\":[0-9]+,\"value\":\"Sample #([0-9,]+)\"");

    private final URI base;
    private final HttpClient http;
    private int uiId;
    private String csrf;
    private long syncId;
    private long clientId;
    private String keyFilter;
    String shown;
    int sampleIndex = -1;
    boolean stale;

    Tab(URI base) {
      this.base = base;
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    /** The login form, as the login page posts it. */
    void login(String user, String password) throws IOException, InterruptedException {
      String form =
          "username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      var answer =
          http.send(
              HttpRequest.newBuilder(base.resolve("/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String to = answer.headers().firstValue("Location").orElse("");
      if (answer.statusCode() != 302 || to.contains("error")) {
        throw new IllegalStateException("login of " + user + " refused: " + answer.statusCode() + " " + to);
      }
    }

    /** The route's page, then its start-up request and the navigation event, as the client does. */
    void open(String route) throws IOException, InterruptedException {
      get("/" + route);
      String init =
          get(
              "/?v-r=init&location="
                  + URLEncoder.encode(route, StandardCharsets.UTF_8)
                  + "&query=&v-sh=1080&v-sw=1920&v-wh=1080&v-ww=1920&v-bh=1080&v-bw=1920"
                  + "&v-curdate="
                  + System.currentTimeMillis()
                  + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-load&v-td=false"
                  + "&v-pr=1&v-np=Linux&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN"
                  + "&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false");
      Map<String, Object> config = map(map(new ReviewLoad.Json(init).value()).get("appConfig"));
      uiId = ((Number) config.get("v-uiId")).intValue();
      Map<String, Object> uidl = map(config.get("uidl"));
      csrf = (String) uidl.get("Vaadin-Security-Key");
      read(uidl, init);
      send(
          "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"/"
              + route
              + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
    }

    /** A key press on the page, as the view's key listener on the UI element reports it. */
    void press(String key, String code) throws IOException, InterruptedException {
      if (keyFilter == null) {
        throw new IllegalStateException("the page registered no key listener");
      }
      send(
          "{\"type\":\"event\",\"node\":1,\"event\":\"keydown\",\"data\":{"
              + quote("event.key")
              + ":"
              + quote(key)
              + ","
              + quote("event.code")
              + ":"
              + quote(code)
              + ","
              + quote(SHOWN_DATA)
              + ":"
              + quote(shown)
              + ","
              + quote(keyFilter)
              + ":true}}");
    }

    private void send(String rpc) throws IOException, InterruptedException {
      String body =
          "{\"csrfToken\":"
              + quote(csrf)
              + ",\"rpc\":["
              + rpc
              + "],\"syncId\":"
              + syncId
              + ",\"clientId\":"
              + clientId
              + "}";
      var answer =
          http.send(
              HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                  .timeout(Duration.ofSeconds(120))
                  .header("Content-Type", "application/json; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = answer.body();
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("UIDL request answered " + answer.statusCode() + ": " + text);
      }
      if (text.startsWith("for(;;);")) {
        text = text.substring("for(;;);".length());
      }
      Object parsed = new ReviewLoad.Json(text).value();
      Map<String, Object> uidl = map(parsed instanceof List<?> l ? l.get(0) : parsed);
      if (uidl.containsKey("meta") && map(uidl.get("meta")).containsKey("sessionExpired")) {
        throw new IllegalStateException("the session expired: " + text);
      }
      read(uidl, text);
    }

    /** Takes the counters, the key listener's filter and the sample on screen from an answer. */
    private void read(Map<String, Object> uidl, String raw) {
      if (uidl.get("syncId") instanceof Number n) {
        syncId = n.longValue();
      }
      if (uidl.get("clientId") instanceof Number n) {
        clientId = n.longValue();
      }
      if (uidl.get("constants") instanceof Map<?, ?> constants) {
        for (Object listener : constants.values()) {
          if (listener instanceof Map<?, ?> data && data.containsKey(SHOWN_DATA)) {
            for (var entry : data.entrySet()) {
              if (Boolean.TRUE.equals(entry.getValue())) {
                keyFilter = (String) entry.getKey();
              }
            }
          }
        }
      }
      stale = raw.contains("stale-input");
      if (uidl.get("changes") instanceof List<?> changes) {
        for (Object c : changes) {
          Map<String, Object> change = map(c);
          if (SHOWN.equals(change.get("key"))) {
            shown = "remove".equals(change.get("type")) ? null : (String) change.get("value");
          }
        }
      }
      Matcher m = SAMPLE_NUMBER.matcher(raw);
      while (m.find()) {
        sampleIndex = Integer.parseInt(m.group(1).replace(",", ""));
      }
    }

    private String get(String path) throws IOException, InterruptedException {
      var answer =
          http.send(
              HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
      }
      return answer.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
      return (Map<String, Object>) o;
    }

    private static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          default -> b.append(c);
        }
      }
      return b.append('"').toString();
    }
  }
}

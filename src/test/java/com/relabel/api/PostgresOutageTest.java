package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.flow.TcpProxy;
import com.relabel.flow.TestPostgres;
import com.relabel.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database outage under the running application (issue 13): PostgreSQL is reached through a TCP
 * proxy that the test cuts. Requests then fail fast, within the pool's 5 s and not Hikari's default
 * 30 s, as a 503 problem with Retry-After, whether the token lookup or the import meets the outage;
 * nothing is written; and the application serves again once the database is back. The {@code
 * postgres} profile is active, so its driver timeouts are the ones under test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"relabel.jobs.poll-interval=200ms", "relabel.security.active-check-period=0s"})
@ActiveProfiles("postgres")
class PostgresOutageTest extends ApiServerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Well under the 30 s a request used to hang; the pool gives up after 5 s. */
  private static final Duration FAST = Duration.ofSeconds(12);

  private static TcpProxy proxy;

  @DynamicPropertySource
  static void postgresThroughAProxy(DynamicPropertyRegistry registry) throws IOException {
    proxy = TcpProxy.toTestPostgres();
    registry.add("spring.datasource.url", proxy::jdbcUrl);
    registry.add("spring.datasource.username", TestPostgres::user);
    registry.add("spring.datasource.password", TestPostgres::password);
    if (!TestPostgres.ownerUser().isBlank()) {
      // the migrations run as the role that owns the tables, through the proxy as well
      registry.add("spring.flyway.user", TestPostgres::ownerUser);
      registry.add("spring.flyway.password", TestPostgres::ownerPassword);
    }
  }

  @AfterAll
  static void closeProxy() throws IOException {
    proxy.close();
  }

  @Test
  void anOutageIsA503WithRetryAfterWithinSecondsAndTheAppRecovers() throws Exception {
    var api =
        new ApiClient(port, testAccounts().tokenOf("outage-" + System.nanoTime(), Role.ADMIN));
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);
    long before = jdbc.queryForObject("select count(*) from dataset", Long.class);
    Path texts =
        Files.writeString(dir.resolve("texts.csv"), "text,label\nhello,a\nworld,b\nagain,a\n");
    String name = "outage-" + System.nanoTime();

    proxy.cut();
    try {
      assertFastUnavailable(() -> api.get("/api/v1/datasets"));
      assertFastUnavailable(
          () -> api.postForm("/api/v1/datasets/text", "name", name, "file", texts));
      // what the per-request account check falls back on reads nothing, so it answers at once
      Instant asked = Instant.now();
      assertThat(accounts.disabledHere("root")).isFalse();
      assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(1));
    } finally {
      proxy.restore();
    }

    Instant deadline = Instant.now().plusSeconds(30);
    ApiClient.Reply reply;
    while ((reply = api.get("/api/v1/datasets")).status() != 200) {
      assertThat(Instant.now())
          .as("still %d after the database came back", reply.status())
          .isBefore(deadline);
      Thread.sleep(250);
    }
    assertThat(jdbc.queryForObject("select count(*) from dataset", Long.class)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from dataset where name = ?", Long.class, name))
        .isZero();
    var imported = api.postForm("/api/v1/datasets/text", "name", name, "file", texts);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
  }

  private static void assertFastUnavailable(java.util.function.Supplier<ApiClient.Reply> request) {
    Instant start = Instant.now();
    ApiClient.Reply reply = request.get();
    Duration took = Duration.between(start, Instant.now());
    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(took).isLessThan(FAST);
    assertThat(reply.headers().getFirst("Retry-After")).isEqualTo("10");
    assertThat(
            reply
                .headers()
                .getContentType()
                .equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
        .as("%s", reply.headers().getContentType())
        .isTrue();
    assertThat(JSON.readTree(reply.body()).get("detail").asString())
        .isEqualTo("the database cannot be reached; nothing was saved. Try again in a few seconds");
  }
}

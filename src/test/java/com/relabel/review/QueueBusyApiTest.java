package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.SyntheticQueue;
import com.relabel.security.ApiTokens;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * "Busy" over the REST API (decision 0042): while another reviewer on this node is taking every
 * open sample, {@code review/next} answers 503 with {@code Retry-After: 1} and a "Queue busy"
 * problem, not 204 (empty) and not a generic error; once the claims end, 200. The claims are held
 * by the test itself, so the busy queue does not depend on threads racing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:queue-busy-api;DB_CLOSE_DELAY=-1")
class QueueBusyApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired LeaseClaims claims;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @Test
  void othersTakingEverySampleAnswers503WithRetryAfterThen200OnceTheyAreDone() throws Exception {
    long dataset =
        new SyntheticQueue(jdbc, line -> {})
            .generate(SyntheticQueue.Spec.of("queue-busy-api", 5, 11))
            .datasetId();
    List<Long> samples =
        jdbc.queryForList("select id from sample where dataset_id = ?", Long.class, dataset);
    var users = new TestAccounts(accounts, tokens, securityContexts);
    users.tokenOf("busy-admin", Role.ADMIN); // someone stays admin when the next is demoted
    String token = users.tokenOf("busy-annotator", Role.ANNOTATOR);
    users.logout();
    for (long sample : samples) {
      assertThat(claims.claim(sample, "other", claims.now())).isTrue();
    }

    HttpResponse<String> busy = next(dataset, token);
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).contains("1");
    assertThat(busy.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(busy.body()).contains("\"title\":\"Queue busy\"").contains("ask again");

    for (long sample : samples) {
      claims.end(sample, "other");
    }
    HttpResponse<String> free = next(dataset, token);
    assertThat(free.statusCode()).isEqualTo(200);
    assertThat(free.headers().firstValue("Retry-After")).isEmpty();
  }

  private HttpResponse<String> next(long dataset, String token) throws Exception {
    try (var http = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://localhost:" + port + "/api/v1/datasets/" + dataset + "/review/next"))
              .header("Authorization", "Bearer " + token)
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}

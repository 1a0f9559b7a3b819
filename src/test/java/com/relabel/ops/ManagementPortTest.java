package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.LabeledImages;
import com.relabel.flow.TestDatasets;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.security.ApiTokens;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import com.relabel.training.PredictionsImport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Health and metrics on the management port (decision 0033): over real HTTP, health is UP with its
 * database and disk checks and Prometheus metrics are served there without a login; the
 * application's port does not serve the actuator; a decision made through the review service shows
 * in {@code relabel_decisions_total}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:management;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "management.server.port=0"
    })
class ManagementPortTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired DatasetImporter importer;
  @Autowired PredictionsImport predictions;
  @Autowired ReviewService review;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  private TestAccounts users;

  @BeforeEach
  void fixtures() {
    users = new TestAccounts(accounts, tokens, securityContexts);
  }

  @AfterEach
  void logout() {
    users.logout();
  }

  @Test
  void healthIsUpOnTheManagementPortWithoutALogin() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    var health = get(managementPort, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"status\":\"UP\"")
        .contains("\"db\"")
        .contains("diskSpace");
    assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
    // only health, info and prometheus are exposed
    assertThat(get(managementPort, "/actuator/env").statusCode()).isIn(403, 404);
    assertThat(get(managementPort, "/actuator/beans").statusCode()).isIn(403, 404);
  }

  @Test
  void theApplicationsPortDoesNotServeTheActuator() throws Exception {
    for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator")) {
      var reply = get(port, path);
      assertThat(reply.statusCode()).as(path).isIn(403, 404);
      assertThat(reply.body()).as(path).doesNotContain("UP").doesNotContain("relabel_");
    }
  }

  @Test
  void decisionsQueueAndRunMetricsAreScraped() throws Exception {
    users.login("metrics-admin", "ADMIN");
    LabeledImages images = TestDatasets.mnist(60);
    Dataset dataset = importer.importImages("metrics", images, null, null, "test");
    Path csv = Files.write(dir.resolve("p.csv"), predictionsCsv(images.labels()));
    predictions.importFile(dataset.getId(), csv, "test");

    QueueItem first = review.next(dataset.getId(), Set.of()).orElseThrow();
    review.decide(first, ReviewAction.CONFIRM, first.currentLabel());
    QueueItem second = review.next(dataset.getId(), Set.of()).orElseThrow();
    review.decide(second, ReviewAction.EXCLUDE, second.currentLabel());
    QueueItem third = review.next(dataset.getId(), Set.of()).orElseThrow();
    review.release(third); // what Skip does

    var scrape = get(managementPort, "/actuator/prometheus");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .containsPattern("relabel_decisions_total\\{action=\"confirm\"[^}]*} [1-9]")
        .containsPattern("relabel_decisions_total\\{action=\"exclude\"[^}]*} [1-9]")
        .containsPattern("relabel_decisions_total\\{action=\"skip\"[^}]*} [1-9]")
        .contains("relabel_decisions_total{action=\"correct\"")
        .contains("relabel_decisions_total{action=\"undo\"")
        .containsPattern("relabel_queue_next_seconds_count\\{[^}]*} [3-9]")
        .contains("relabel_queue_next_seconds_bucket")
        .contains("relabel_runs_active")
        .contains("hikaricp_connections_active")
        .contains("jvm_memory_used_bytes");
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A confident model that agrees with every given label except every third sample's. */
  private static List<String> predictionsCsv(int[] labels) {
    List<String> lines = new ArrayList<>();
    lines.add("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int i = 0; i < labels.length; i++) {
      int predicted = i % 3 == 0 ? (labels[i] + 1) % 10 : labels[i];
      StringBuilder row = new StringBuilder().append(i);
      for (int k = 0; k < 10; k++) {
        row.append(',').append(k == predicted ? "0.91" : "0.01");
      }
      lines.add(row.toString());
    }
    return lines;
  }
}

package com.relabel.api;

import static com.relabel.api.ApiFixtures.json;
import static com.relabel.api.ApiFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.relabel.flow.TestDatasets;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueIssue;
import com.relabel.review.QueueRow;
import com.relabel.review.ReviewService;
import com.relabel.security.ApiTokens;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

/**
 * Near-duplicates and outliers over the REST API (decision 0043), over real HTTP and a real
 * database. The run is imported with embeddings made so that two samples with one label are copies,
 * two with different labels are copies, and one lies far from every class; the real run activation
 * finds them. The queue's {@code issue} filter leases only such samples, each leased sample lists
 * its issues by sample number, and the counts endpoint answers read-only tokens.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:issues-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s"
    })
class IssuesApiTest {

  private static final int SAMPLES = 40;
  private static final int DIMENSIONS = 12;

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired QueueBrowser grid;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  private TestAccounts users;
  private ApiFixtures fixtures;
  private int[] labels;
  private int sameA;
  private int sameB;
  private int conflictA;
  private int conflictB;
  private final int outlier = 30;

  @BeforeEach
  void fixtures() {
    users = new TestAccounts(accounts, tokens, securityContexts);
    fixtures = new ApiFixtures(port, users, dir);
    labels = TestDatasets.mnist(SAMPLES).labels();
    conflictA = 20;
    conflictB = firstAfter(conflictA, false, -1);
    sameA = 10;
    sameB = firstAfter(sameA, true, conflictB);
  }

  @AfterEach
  void logout() {
    users.logout();
  }

  @Test
  void theIssueFilterLeasesOnlyFlaggedSamplesAndEachNamesItsPartnerByNumber() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin);
    var anne = annotator(admin, unique("anne"), "full");

    // predictions grow less sure with the index: of the conflicting pair, the later one leads
    JsonNode conflicting =
        json(anne.get("/api/v1/datasets/" + ds + "/review/next?issue=duplicate_other_label"), 200);
    assertThat(conflicting.get("sample").asInt()).isEqualTo(conflictB);
    assertThat(issues(conflicting))
        .contains(tuple("near_duplicate", conflictA, labels[conflictA], true));

    // the same name as the grid's ?issue=, in any case
    JsonNode duplicate =
        json(
            anne.get(
                "/api/v1/datasets/"
                    + ds
                    + "/review/next?issue=NEAR_DUPLICATE&skipped="
                    + conflictB
                    + ","
                    + conflictA),
            200);
    assertThat(duplicate.get("sample").asInt()).isEqualTo(sameB);
    assertThat(issues(duplicate)).contains(tuple("near_duplicate", sameA, labels[sameA], false));

    JsonNode far = json(anne.get("/api/v1/datasets/" + ds + "/review/next?issue=outlier"), 200);
    assertThat(issues(far)).extracting(t -> t.toArray()[0]).contains("outlier");

    // unfiltered, the most suspicious sample: not flagged, so its list is empty, not missing
    JsonNode plain = json(admin.get("/api/v1/datasets/" + ds + "/review/next"), 200);
    assertThat(plain.get("sample").asInt()).isEqualTo(SAMPLES - 1);
    assertThat(plain.get("issues").isArray()).isTrue();
    assertThat(plain.get("issues")).isEmpty();

    var unknown = anne.get("/api/v1/datasets/" + ds + "/review/next?issue=blurry");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.headers().getContentType()).hasToString("application/problem+json");
    assertThat(unknown.body()).contains("'issue'").contains("duplicate_other_label");
  }

  @Test
  void countsAreTheSamplesTheFilterFindsAndReadOnlyTokensReadThem() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin);
    var reader = annotator(admin, unique("reader"), "read-only");

    JsonNode counts = json(reader.get("/api/v1/datasets/" + ds + "/issues"), 200);
    long run = activeRun(ds);
    assertThat(counts.get("runId").asLong()).isEqualTo(run);
    assertThat(counts.get("duplicateOtherLabel").asLong()).isEqualTo(2);
    assertThat(counts.get("nearDuplicate").asLong()).isEqualTo(4);
    assertThat(counts.get("outlier").asLong()).isEqualTo(stored(run, "OUTLIER")).isPositive();
    assertThat(stored(run, "NEAR_DUPLICATE")).isEqualTo(4);

    // the read-only token may read the counts, not lease samples
    assertThat(reader.get("/api/v1/datasets/" + ds + "/review/next?issue=outlier").status())
        .isEqualTo(403);

    long fresh = fixtures.uploadedDataset(admin, "bare", TestDatasets.mnist(SAMPLES));
    JsonNode none = json(admin.get("/api/v1/datasets/" + fresh + "/issues"), 200);
    assertThat(none.get("runId").isNull()).isTrue();
    assertThat(none.get("outlier").asLong()).isZero();
  }

  /** The grid's Issue filter and the API's counts are one definition: the same samples. */
  @Test
  void theGridsIssueFilterShowsTheSamplesTheCountsCount() throws Exception {
    var admin = fixtures.admin();
    long ds = dataset(admin);
    JsonNode counts = json(admin.get("/api/v1/datasets/" + ds + "/issues"), 200);
    List<Integer> conflicting =
        users.as(
            "grid-reader",
            "ANNOTATOR",
            () ->
                grid
                    .page(
                        ds,
                        QueueFilter.none().withIssue(QueueIssue.DUPLICATE_OTHER_LABEL),
                        ReviewService.ENSEMBLE,
                        null,
                        QueueBrowser.MAX_PAGE)
                    .rows()
                    .stream()
                    .map(QueueRow::sampleIndex)
                    .toList());
    assertThat(conflicting).containsExactlyInAnyOrder(conflictA, conflictB);
    for (QueueIssue issue : QueueIssue.values()) {
      long shown =
          users.as(
              "grid-reader",
              "ANNOTATOR",
              () ->
                  grid.count(ds, QueueFilter.none().withIssue(issue), ReviewService.ENSEMBLE)
                      .value());
      String field =
          switch (issue) {
            case NEAR_DUPLICATE -> "nearDuplicate";
            case DUPLICATE_OTHER_LABEL -> "duplicateOtherLabel";
            case OUTLIER -> "outlier";
          };
      assertThat(shown).as(issue.parameter()).isEqualTo(counts.get(field).asLong());
    }
  }

  @Test
  void theOpenApiDescriptionListsTheCountsAndTheIssueFilter() {
    var description = new ApiClient(port, null).get("/api/openapi.json");
    assertThat(description.status()).isEqualTo(200);
    assertThat(description.body())
        .contains("/api/v1/datasets/{datasetId}/issues")
        .contains("duplicateOtherLabel")
        .contains("otherLabel")
        .contains("issue: only samples the run flags");
  }

  private long stored(long run, String kind) {
    return jdbc.queryForObject(
        "select count(distinct sample_id) from sample_issue where run_id = ? and kind = ?",
        Long.class,
        run,
        kind);
  }

  private long activeRun(long ds) {
    return jdbc.queryForObject("select active_run_id from dataset where id = ?", Long.class, ds);
  }

  /** The sample's issues as (kind, other sample, its label, other label). */
  private static List<org.assertj.core.groups.Tuple> issues(JsonNode sample) {
    List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
    for (JsonNode issue : sample.get("issues")) {
      out.add(
          tuple(
              issue.get("kind").asString(),
              issue.get("sample").isNull() ? null : issue.get("sample").asInt(),
              issue.get("label").isNull() ? null : issue.get("label").asInt(),
              issue.get("otherLabel").isNull() ? null : issue.get("otherLabel").asBoolean()));
    }
    return out;
  }

  /**
   * The first sample after {@code from}, before the outlier, whose label is (or is not) the same,
   * other than the conflicting pair and {@code taken}.
   */
  private int firstAfter(int from, boolean sameLabel, int taken) {
    for (int i = from + 1; i < outlier; i++) {
      if (i != conflictA && i != taken && (labels[i] == labels[from]) == sameLabel) {
        return i;
      }
    }
    throw new IllegalStateException("no partner for sample " + from);
  }

  /** A dataset of MNIST digits, scored by imported predictions with the planted embeddings. */
  private long dataset(ApiClient admin) throws Exception {
    return fixtures.scoredDataset(admin, "issues", TestDatasets.mnist(SAMPLES), predictionsCsv());
  }

  /**
   * Probabilities that trust the given label less with each index, and embeddings near their class
   * axis with a little noise; the planted copies share one vector, the outlier points along an axis
   * no class uses.
   */
  private List<String> predictionsCsv() {
    Random random = new Random(43);
    double[][] vectors = new double[SAMPLES][DIMENSIONS];
    for (int i = 0; i < SAMPLES; i++) {
      int axis = i == outlier ? DIMENSIONS - 1 : labels[i];
      for (int d = 0; d < DIMENSIONS; d++) {
        vectors[i][d] = (d == axis ? 1 : 0) + 0.05 * random.nextGaussian();
      }
    }
    vectors[sameB] = vectors[sameA].clone();
    vectors[conflictB] = vectors[conflictA].clone();
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("sample_index,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9");
    for (int d = 0; d < DIMENSIONS; d++) {
      header.append(",emb_").append(d);
    }
    lines.add(header.toString());
    for (int i = 0; i < SAMPLES; i++) {
      double given = 0.9 - 0.8 * i / SAMPLES;
      double other = (1 - given) / 9;
      StringBuilder row = new StringBuilder().append(i);
      for (int k = 0; k < 10; k++) {
        row.append(',').append(String.format(Locale.ROOT, "%.4f", k == labels[i] ? given : other));
      }
      for (double v : vectors[i]) {
        row.append(',').append(String.format(Locale.ROOT, "%.5f", v));
      }
      lines.add(row.toString());
    }
    return lines;
  }

  /** An annotator made over the API, with a token of the scope that acts as them. */
  private ApiClient annotator(ApiClient admin, String name, String scope) throws Exception {
    return fixtures.client(fixtures.annotatorToken(admin, name, "pipeline", scope));
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.relabel.audit.AuditChainVerifier;
import com.relabel.audit.AuditFilter;
import com.relabel.audit.AuditTrail;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.review.DatasetAgreement;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.Dispute;
import com.relabel.review.Disputes;
import com.relabel.review.PastDecision;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewAgreement;
import com.relabel.review.ReviewNotes;
import com.relabel.review.ReviewPolicies;
import com.relabel.review.ReviewService;
import com.relabel.review.ReviewerQuality;
import com.relabel.review.SampleInsights;
import com.relabel.security.ApiTokens;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.client.RestClient;

/**
 * Consensus review as reviewers and admins see it, through the real services and the REST API on a
 * real database (subclasses choose it): earlier votes stay hidden from annotators until a sample is
 * final (blind consensus), the agreement figures match kappas computed by hand, and "unsure" and
 * comments reach the disputes, the history, the audit CSV and the hash chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsensusInsightsTest {

  @LocalServerPort int port;
  @Autowired DatasetImporter importer;
  @Autowired ReviewService review;
  @Autowired ReviewPolicies policies;
  @Autowired Disputes disputes;
  @Autowired SampleInsights insights;
  @Autowired ReviewAgreement agreement;
  @Autowired ReviewNotes notes;
  @Autowired AuditTrail trail;
  @Autowired AuditChainVerifier verifier;
  @Autowired ApiTokens tokens;
  @Autowired UserAccounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void annotatorsSeeNoEarlierVoteUntilTheSampleIsFinalAndAgreementMatchesTheHandComputedKappa() {
    long id = queuedDataset("consensus");
    List<Long> samples =
        jdbc.queryForList(
            "select id from sample where dataset_id = ? order by sample_index", Long.class, id);
    as("admin", "ADMIN");
    policies.setRequiredReviews(id, 2);

    // anna votes 1; ben, who votes next, sees nothing of it; the admin sees it
    long s1 = samples.get(0);
    vote("anna", s1, ReviewAction.CORRECT, 1);
    as("ben", "ANNOTATOR");
    assertThat(insights.history(s1)).isEmpty();
    as("admin", "ADMIN");
    assertThat(insights.history(s1)).extracting(PastDecision::actor).containsExactly("anna");

    // ben disagrees: disputed, not final, so he sees his own vote only
    vote("ben", s1, ReviewAction.CORRECT, 2);
    as("ben", "ANNOTATOR");
    assertThat(insights.history(s1))
        .extracting(d -> d.actor() + " " + d.action())
        .containsExactly("ben VOTE", "ben DISPUTE");

    // the admin settles it on 2: final, so everyone sees everything
    as("admin", "ADMIN");
    long version = jdbc.queryForObject("select version from sample where id = ?", Long.class, s1);
    disputes.resolve(s1, version, ReviewAction.CORRECT, 2);
    for (String annotator : List.of("anna", "ben")) {
      as(annotator, "ANNOTATOR");
      assertThat(insights.history(s1))
          .extracting(d -> d.actor() + " " + d.action())
          .containsExactly("anna VOTE", "ben VOTE", "ben DISPUTE", "admin RESOLVE");
    }

    // three agreements: on 1, on 2, on exclusion
    for (String voter : List.of("anna", "ben")) {
      vote(voter, samples.get(1), ReviewAction.CORRECT, 1);
      vote(voter, samples.get(2), ReviewAction.CORRECT, 2);
      vote(voter, samples.get(3), ReviewAction.EXCLUDE, -1);
    }
    // Cohen by hand, first voter (anna) against second (ben) on 4 samples: (1,2) (1,1) (2,2) (x,x).
    // p_o = 3/4; anna's shares 1: 2/4, 2: 1/4, x: 1/4; ben's 1: 1/4, 2: 2/4, x: 1/4;
    // p_e = 2/16 + 2/16 + 1/16 = 5/16; kappa = (12/16 - 5/16) / (11/16) = 7/11
    as("ben", "ANNOTATOR");
    DatasetAgreement pairs = agreement.of(id);
    assertThat(pairs.measure()).isEqualTo(DatasetAgreement.COHEN);
    assertThat(pairs.samples()).isEqualTo(4);
    assertThat(pairs.kappa()).isCloseTo(7.0 / 11, within(1e-9));
    // Krippendorff by hand: 8 values, n_1 = 3, n_2 = 3, n_x = 2; the agreeing samples give
    // sum o_kk = 2 + 2 + 2 = 6; alpha = (7 * 6 - (6 + 6 + 2)) / (8 * 7 - 14) = 28 / 42 = 2/3
    assertThat(pairs.alpha()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(pairs.reviewers())
        .containsExactly(
            new ReviewerQuality("anna", 4, 4, 1, 4, 3), new ReviewerQuality("ben", 4, 4, 0, 4, 3));

    // a sample voted by three: Fleiss. By hand, per sample P_i = (sum n_k^2 - n) / (n (n - 1)):
    // 0, 1, 1, 1, 1 -> P-bar = 4/5; pooled shares of 11 votes: 1: 6, 2: 3, x: 2 -> P_e = 49/121;
    // kappa = (4/5 - 49/121) / (1 - 49/121) = 47.8 / 72
    as("admin", "ADMIN");
    policies.setRequiredReviews(id, 3);
    for (String voter : List.of("anna", "ben", "carl")) {
      vote(voter, samples.get(4), ReviewAction.CORRECT, 1);
    }
    as("carl", "ANNOTATOR");
    DatasetAgreement three = agreement.of(id);
    assertThat(three.measure()).isEqualTo(DatasetAgreement.FLEISS);
    assertThat(three.samples()).isEqualTo(5);
    assertThat(three.kappa()).isCloseTo(47.8 / 72, within(1e-9));
    // Krippendorff: 11 values, n_1 = 6, n_2 = 3, n_x = 2; sum o_kk = 6 + 3 * 2 / 2 = 9;
    // alpha = (10 * 9 - (30 + 6 + 2)) / (11 * 10 - 38) = 52 / 72
    assertThat(three.alpha()).isCloseTo(52.0 / 72, within(1e-9));
    assertThat(three.reviewers())
        .extracting(ReviewerQuality::reviewer, ReviewerQuality::agreement)
        .containsExactly(tuple("anna", 5.0 / 6), tuple("ben", 5.0 / 6), tuple("carl", 1.0));

    // two agreeing votes of three needed: the sample is open, its votes stay blind and uncounted
    for (String voter : List.of("anna", "ben")) {
      vote(voter, samples.get(5), ReviewAction.CORRECT, 2);
    }
    as("carl", "ANNOTATOR");
    assertThat(agreement.of(id)).isEqualTo(three);

    // the REST API gives annotators the same figures; an unknown dataset is a 404
    String token = annotatorToken("dora");
    assertThat(get(token, "/api/v1/datasets/" + id + "/agreement"))
        .startsWith("200 ")
        .contains("\"measure\":\"Fleiss' kappa\"")
        .contains("\"alpha\":" + 52.0 / 72)
        .contains("\"samples\":5")
        .contains("\"reviewer\":\"carl\"");
    assertThat(get(token, "/api/v1/datasets/999999/agreement")).startsWith("404 ");
  }

  /** An API token of a new annotator (an admin creates it, then the owner becomes annotator). */
  private String annotatorToken(String user) {
    as("admin", "ADMIN");
    // the last active admin cannot be demoted: another one stays
    accounts.createIfMissing("insights-admin", "password-insights-admin", Role.ADMIN);
    long userId = accounts.create(user, "password-" + user, Role.ADMIN).getId();
    as(user, "ADMIN");
    String token = tokens.create(user + "'s script").token();
    as("admin", "ADMIN");
    accounts.changeRole(userId, Role.ANNOTATOR);
    return token;
  }

  /** "status body" of a GET with the token. */
  private String get(String token, String path) {
    return RestClient.create("http://localhost:" + port)
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange(
            (req, res) ->
                res.getStatusCode().value()
                    + " "
                    + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** A dataset of 20 MNIST images in a queue ranked by a hand-made active run (no training). */
  private long queuedDataset(String name) {
    Dataset dataset =
        importer.importImages(
            name + "-" + getClass().getSimpleName(), TestDatasets.mnist(20), null, null, "test");
    long id = dataset.getId();
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'IMPORTED', 'SUCCEEDED', current_timestamp, 0)",
        id);
    long run =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, id);
    jdbc.update(
        "insert into sample_score (run_id, sample_id, score, suggested_label)"
            + " select ?, id, sample_index / 100.0, 0 from sample where dataset_id = ?",
        run,
        id);
    jdbc.update("update dataset set active_run_id = ? where id = ?", run, id);
    return id;
  }

  @Test
  void unsureSendsTheSampleToTheDisputesAndACommentIsKeptAsTextInHistoryAuditAndChain()
      throws Exception {
    long id = queuedDataset("unsure");
    as("anna", "ANNOTATOR");
    QueueItem item = review.next(id, List.of()).orElseThrow();
    String comment = "=looks like <b>7</b>, \"maybe\"\nsecond line";
    notes.comment(item.sampleId(), comment);
    assertThatThrownBy(() -> notes.comment(item.sampleId(), "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> notes.comment(item.sampleId(), "x".repeat(501)))
        .hasMessageContaining("501 characters; at most 500");
    notes.flagUnsure(item);
    // a second unsure on what anna saw is refused: the sample is disputed now
    assertThatThrownBy(() -> notes.flagUnsure(item))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("disputed");
    assertThat(review.next(id, List.of()).orElseThrow().sampleId()).isNotEqualTo(item.sampleId());

    assertThat(insights.history(item.sampleId()))
        .extracting(PastDecision::action, PastDecision::note)
        .containsExactly(tuple("COMMENT", comment), tuple("UNSURE", null));
    as("admin", "ADMIN");
    assertThat(disputes.list(id, 0, 10)).extracting(Dispute::sampleId).contains(item.sampleId());
    assertThat(
            jdbc.queryForObject(
                "select status from sample where id = ?", String.class, item.sampleId()))
        .isEqualTo("DISPUTED");

    // the audit CSV keeps the comment as one quoted field, defused for spreadsheets
    var csv = new java.io.StringWriter();
    trail.writeCsv(new AuditFilter(null, "COMMENT", null, null, null, id), csv);
    assertThat(csv.toString())
        .contains(",note\n")
        .endsWith(",\"'=looks like <b>7</b>, \"\"maybe\"\"\nsecond line\"\n");
    // the chain, with the comment's text in its row's hash, still verifies (AuditChainTest: a
    // changed note breaks it)
    assertThat(verifier.verify().intact()).isTrue();
  }

  private void vote(String voter, long sampleId, ReviewAction action, int label) {
    as(voter, "ANNOTATOR");
    long datasetId =
        jdbc.queryForObject("select dataset_id from sample where id = ?", Long.class, sampleId);
    review.record(review.item(datasetId, sampleId).orElseThrow(), action, label);
  }

  private void as(String user, String role) {
    TestLogins.loginAs(securityContexts, user, role);
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.SampleStatus;
import com.relabel.review.BulkDecisions;
import com.relabel.review.BulkResult;
import com.relabel.review.Cursor;
import com.relabel.review.MatchCount;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueuePage;
import com.relabel.review.QueueRow;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewPolicies;
import com.relabel.review.ReviewService;
import com.relabel.scoring.CartographyRegion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The queue grid on a real database: keyset pages, filters, counts and bulk decisions over a
 * dataset of real MNIST samples whose run scores are written directly (with many ties on the
 * score), so that every expectation is exact. Bulk decisions run in chunks of 7 here ({@code
 * relabel.review.bulk-chunk}) so that every walk crosses many chunk boundaries.
 */
abstract class QueueGridFlowTest {

  static final int SAMPLES = 300;
  private static final AtomicInteger DATASETS = new AtomicInteger();

  @Autowired DatasetImporter importer;
  @Autowired QueueBrowser grid;
  @Autowired BulkDecisions bulk;
  @Autowired ReviewService review;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @Autowired ReviewPolicies policies;

  long datasetId;

  @BeforeEach
  void importAndScore() {
    Dataset dataset =
        importer.importImages(
            "grid-" + getClass().getSimpleName() + "-" + DATASETS.incrementAndGet(),
            TestDatasets.mnist(SAMPLES),
            null,
            null,
            "test");
    datasetId = dataset.getId();
    new SyntheticScores(jdbc).write(datasetId);
    loginAs("anna", "ANNOTATOR");
  }

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  void loginAs(String user, String role) {
    TestLogins.loginAs(securityContexts, user, role);
  }

  /** Every row, page by page, each page started at the previous page's cursor. */
  List<QueueRow> walk(QueueFilter filter, String method, int pageSize) {
    List<QueueRow> all = new ArrayList<>();
    Cursor after = null;
    do {
      QueuePage page = grid.page(datasetId, filter, method, after, pageSize);
      assertThat(page.rows()).hasSizeLessThanOrEqualTo(pageSize);
      if (page.hasNext()) {
        assertThat(page.rows()).hasSize(pageSize);
      }
      all.addAll(page.rows());
      after = page.next();
    } while (after != null);
    return all;
  }

  List<Long> ids(List<QueueRow> rows) {
    return rows.stream().map(QueueRow::sampleId).toList();
  }

  @Test
  void keysetPagesConcatenateToTheWholeOrderedQueueWithoutGapsOrDuplicatesDespiteTies() {
    for (String method : List.of(ReviewService.ENSEMBLE, "loss", "aum")) {
      List<Long> expected =
          jdbc.queryForList(
              method.equals(ReviewService.ENSEMBLE)
                  ? "select sc.sample_id from sample_score sc join dataset d on d.active_run_id ="
                      + " sc.run_id where d.id = ? order by sc.score desc, sc.sample_id"
                  : "select ms.sample_id from method_score ms join dataset d on d.active_run_id ="
                      + " ms.run_id where d.id = ? and ms.method = '"
                      + method
                      + "' order by ms.score desc, ms.sample_id",
              Long.class,
              datasetId);
      assertThat(expected).hasSize(SAMPLES);
      for (int pageSize : List.of(1, 7, 40, 300, 1000)) {
        List<QueueRow> rows = walk(QueueFilter.none(), method, pageSize);
        assertThat(ids(rows)).as(method + " in pages of " + pageSize).isEqualTo(expected);
      }
    }
    // "aum" scores every sample the same: the order is the sample id alone
    List<Long> byAum = ids(walk(QueueFilter.none(), "aum", 13));
    assertThat(byAum).isSorted();
  }

  @Test
  void eachFilterNarrowsToExactlyTheMatchingSamples() {
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'ben', version = version + 1"
            + " where dataset_id = ? and mod(sample_index, 11) = 0",
        datasetId);
    jdbc.update(
        "update sample set status = 'EXCLUDED', decided_by = 'anna', version = version + 1"
            + " where dataset_id = ? and mod(sample_index, 13) = 0 and status = 'OPEN'",
        datasetId);
    List<QueueRow> all = walk(QueueFilter.none(), ReviewService.ENSEMBLE, 1000);
    assertThat(all).hasSize(SAMPLES);
    QueueFilter none = QueueFilter.none();
    assertNarrows(all, none.withGiven(3), r -> r.givenLabel() == 3);
    assertNarrows(all, none.withSuggested(5), r -> r.suggestedLabel() == 5);
    assertNarrows(
        all,
        none.withGiven(3).withSuggested(4),
        r -> r.givenLabel() == 3 && r.suggestedLabel() == 4);
    assertNarrows(
        all,
        none.withStatuses(EnumSet.of(SampleStatus.CONFIRMED)),
        r -> r.status() == SampleStatus.CONFIRMED);
    assertNarrows(
        all,
        none.withStatuses(EnumSet.of(SampleStatus.CONFIRMED, SampleStatus.EXCLUDED)),
        r -> r.status() != SampleStatus.OPEN);
    assertNarrows(all, none.withScoreRange(0.25, 0.5), r -> r.score() >= 0.25 && r.score() <= 0.5);
    assertNarrows(all, none.withScoreRange(0.9, null), r -> r.score() >= 0.9);
    assertNarrows(all, none.withRegion(CartographyRegion.HARD), r -> "HARD".equals(r.region()));
    assertNarrows(all, none.withFlaggedBy("aum"), r -> r.flaggedBy().contains("aum"));
    assertNarrows(all, none.withFlaggedBy("knn"), r -> r.flaggedBy().contains("knn"));
    assertNarrows(all, none.withDecidedBy("ben"), r -> "ben".equals(r.decidedBy()));
    assertNarrows(
        all,
        none.withGiven(1).withRegion(CartographyRegion.EASY).withDecidedBy("ben"),
        r -> r.givenLabel() == 1 && "EASY".equals(r.region()) && "ben".equals(r.decidedBy()));
    // a flag is matched as a whole method name, not a part of one
    assertThat(walk(none.withFlaggedBy("au"), ReviewService.ENSEMBLE, 50)).isEmpty();
  }

  private void assertNarrows(List<QueueRow> all, QueueFilter filter, Predicate<QueueRow> matches) {
    List<Long> expected = ids(all.stream().filter(matches).toList());
    assertThat(expected).as("the fixture has matches for " + filter).isNotEmpty();
    assertThat(expected.size()).as("and non-matches").isLessThan(all.size());
    assertThat(ids(walk(filter, ReviewService.ENSEMBLE, 9)))
        .as(filter.toString())
        .isEqualTo(expected);
    assertThat(grid.count(datasetId, filter, ReviewService.ENSEMBLE).value())
        .isEqualTo(expected.size());
  }

  @Test
  void countsAreExactUpToTheCapAndSayWhenTheyStopThere() {
    var all = grid.count(datasetId, QueueFilter.none(), ReviewService.ENSEMBLE);
    assertThat(all.value()).isEqualTo(SAMPLES);
    assertThat(all.exact()).isTrue();
    var capped = grid.count(datasetId, QueueFilter.none(), ReviewService.ENSEMBLE, 100);
    assertThat(capped.value()).isEqualTo(100);
    assertThat(capped.exact()).isFalse();
    assertThat(capped.display()).isEqualTo("100+");
    var exactAtCap = grid.count(datasetId, QueueFilter.none(), ReviewService.ENSEMBLE, SAMPLES);
    assertThat(exactAtCap.exact()).isTrue();
  }

  @Test
  void theBackgroundCountMatchesTheCountAndChecksRightsAndMethodAtOnce() throws Exception {
    QueueFilter given3 = QueueFilter.none().withGiven(3);
    for (String method : List.of(ReviewService.ENSEMBLE, "aum")) {
      var later = grid.countLater(datasetId, given3, method).get(30, TimeUnit.SECONDS);
      assertThat(later).isEqualTo(grid.count(datasetId, given3, method));
      assertThat(later.value()).isPositive().isLessThan(SAMPLES);
    }
    assertThat(grid.countLater(datasetId, QueueFilter.none(), null).get(30, TimeUnit.SECONDS))
        .isEqualTo(new MatchCount(SAMPLES, true));
    assertThatThrownBy(() -> grid.countLater(datasetId, QueueFilter.none(), "nonsense"))
        .isInstanceOf(IllegalArgumentException.class);
    loginAs("guest", "GUEST");
    assertThatThrownBy(() -> grid.countLater(datasetId, QueueFilter.none(), null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void bulkOnEverythingMatchingChangesOnlyOpenSamplesWithOneAuditRowEach() {
    QueueFilter given3 = QueueFilter.none().withGiven(3);
    List<QueueRow> before = walk(given3, ReviewService.ENSEMBLE, 1000);
    // two of them were decided before, one by someone else
    QueueRow decidedByBen = before.get(2);
    QueueRow excludedBefore = before.get(5);
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'ben', version = version + 1"
            + " where id = ?",
        decidedByBen.sampleId());
    jdbc.update(
        "update sample set status = 'EXCLUDED', decided_by = 'anna', version = version + 1"
            + " where id = ?",
        excludedBefore.sampleId());
    long open = grid.countOpen(datasetId, given3, ReviewService.ENSEMBLE);
    assertThat(open).isEqualTo(before.size() - 2).isGreaterThan(14);

    BulkResult result =
        bulk.decideMatching(datasetId, given3, ReviewService.ENSEMBLE, ReviewAction.EXCLUDE, -1);

    assertThat(result.applied()).isEqualTo(open);
    assertThat(result.skipped()).isZero();
    List<QueueRow> after = walk(given3, ReviewService.ENSEMBLE, 1000);
    assertThat(ids(after)).isEqualTo(ids(before));
    for (int i = 0; i < after.size(); i++) {
      QueueRow was = before.get(i);
      QueueRow now = after.get(i);
      if (now.sampleId() == decidedByBen.sampleId()) {
        assertThat(now.status()).isEqualTo(SampleStatus.CONFIRMED);
        assertThat(now.decidedBy()).isEqualTo("ben");
      } else if (now.sampleId() != excludedBefore.sampleId()) {
        assertThat(now.status()).isEqualTo(SampleStatus.EXCLUDED);
        assertThat(now.decidedBy()).isEqualTo("anna");
        assertThat(now.decidedAt()).isNotNull();
        assertThat(now.version()).isEqualTo(was.version() + 1);
        assertThat(now.givenLabel()).isEqualTo(was.givenLabel());
      }
    }
    // samples that do not match were not touched
    assertThat(
            grid.count(
                    datasetId, QueueFilter.none().withStatuses(EnumSet.of(SampleStatus.OPEN)), null)
                .value())
        .isEqualTo(SAMPLES - before.size());
    assertThat(auditRows("EXCLUDE")).isEqualTo(open);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct sample_id) from audit_entry where dataset_id = ?",
                Long.class,
                datasetId))
        .isEqualTo(open);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where dataset_id = ? and (actor <> 'anna' or"
                    + " old_status <> 'OPEN' or new_status <> 'EXCLUDED' or old_label <> 3 or"
                    + " new_label <> 3 or score is null or run_id is null)",
                Long.class,
                datasetId))
        .isZero();

    // nothing open is left among them: a second run changes nothing
    assertThat(
            bulk.decideMatching(
                datasetId, given3, ReviewService.ENSEMBLE, ReviewAction.EXCLUDE, -1))
        .isEqualTo(new BulkResult(0, 0));
    assertThat(auditRows("EXCLUDE")).isEqualTo(open);
  }

  @Test
  void bulkCorrectionSetsTheLabelAndAStatusFilterOfDecidedSamplesTouchesNothing() {
    QueueFilter hard =
        QueueFilter.none().withRegion(CartographyRegion.HARD).withScoreRange(0.5, null);
    List<QueueRow> rows = walk(hard, "loss", 1000);
    long alreadyFour = rows.stream().filter(r -> r.givenLabel() == 4).count();
    assertThat(alreadyFour).isPositive();

    BulkResult result = bulk.decideMatching(datasetId, hard, "loss", ReviewAction.CORRECT, 4);

    assertThat(result.applied()).isEqualTo(rows.size());
    for (QueueRow now : walk(hard, "loss", 1000)) {
      assertThat(now.givenLabel()).isEqualTo(4);
      assertThat(now.status())
          .isEqualTo(
              rows.stream()
                          .filter(r -> r.sampleId() == now.sampleId())
                          .findFirst()
                          .orElseThrow()
                          .givenLabel()
                      == 4
                  ? SampleStatus.CONFIRMED
                  : SampleStatus.CORRECTED);
    }
    assertThat(auditRows("CONFIRM")).isEqualTo(alreadyFour);
    assertThat(auditRows("CORRECT")).isEqualTo(rows.size() - alreadyFour);

    BulkResult none =
        bulk.decideMatching(
            datasetId,
            QueueFilter.none().withStatuses(EnumSet.of(SampleStatus.CORRECTED)),
            null,
            ReviewAction.EXCLUDE,
            -1);
    assertThat(none).isEqualTo(new BulkResult(0, 0));
  }

  @Test
  void aSelectedSampleDecidedMeanwhileBySomeoneElseIsSkippedNotOverwritten() {
    List<QueueRow> selection = grid.page(datasetId, QueueFilter.none(), null, null, 20).rows();
    QueueRow taken = selection.get(3);

    loginAs("ben", "ANNOTATOR");
    review.decide(review.item(datasetId, taken.sampleId()).orElseThrow(), ReviewAction.CONFIRM, -1);

    loginAs("anna", "ANNOTATOR");
    BulkResult result = bulk.decide(datasetId, selection, ReviewAction.EXCLUDE, -1);

    assertThat(result).isEqualTo(new BulkResult(19, 1));
    Set<String> statuses = new HashSet<>();
    for (QueueRow now : walk(QueueFilter.none(), null, 20).subList(0, 20)) {
      statuses.add(now.sampleId() + ":" + now.status() + ":" + now.decidedBy());
    }
    assertThat(statuses).contains(taken.sampleId() + ":CONFIRMED:ben");
    assertThat(statuses.stream().filter(s -> s.endsWith(":EXCLUDED:anna"))).hasSize(19);
    assertThat(auditRows("EXCLUDE")).isEqualTo(19);
    assertThat(auditRows("CONFIRM")).isEqualTo(1);

    // the same stale selection again: nothing is open any more, nothing changes
    assertThat(bulk.decide(datasetId, selection, ReviewAction.CONFIRM, -1))
        .isEqualTo(new BulkResult(0, 20));
    assertThat(auditRows("CONFIRM")).isEqualTo(1);
  }

  @Test
  void withConsensusReviewOnlyAnAdminDecidesInBulkAndThatIsFinal() {
    loginAs("admin", "ADMIN");
    policies.setRequiredReviews(datasetId, 2);
    QueueFilter given3 = QueueFilter.none().withGiven(3);
    long open = grid.countOpen(datasetId, given3, ReviewService.ENSEMBLE);

    loginAs("anna", "ANNOTATOR");
    assertThatThrownBy(
            () ->
                bulk.decideMatching(
                    datasetId, given3, ReviewService.ENSEMBLE, ReviewAction.EXCLUDE, -1))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("2 agreeing reviews");
    assertThat(auditRows("EXCLUDE")).isZero();

    loginAs("admin", "ADMIN");
    BulkResult result =
        bulk.decideMatching(datasetId, given3, ReviewService.ENSEMBLE, ReviewAction.EXCLUDE, -1);
    assertThat(result.applied()).isEqualTo(open).isPositive();
    assertThat(grid.countOpen(datasetId, given3, ReviewService.ENSEMBLE)).isZero();
    assertThat(auditRows("EXCLUDE")).isEqualTo(open);
  }

  @Test
  void onlyReviewersMayBrowseOrBulkDecideAndBadInputIsRefused() {
    TestLogins.logout(securityContexts);
    assertThatThrownBy(() -> grid.page(datasetId, QueueFilter.none(), null, null, 10))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    assertThatThrownBy(
            () ->
                bulk.decideMatching(datasetId, QueueFilter.none(), null, ReviewAction.EXCLUDE, -1))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

    loginAs("guest", "GUEST");
    assertThatThrownBy(() -> grid.count(datasetId, QueueFilter.none(), null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                bulk.decideMatching(datasetId, QueueFilter.none(), null, ReviewAction.EXCLUDE, -1))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> bulk.decide(datasetId, List.of(), ReviewAction.EXCLUDE, -1))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(auditRows("EXCLUDE")).isZero();

    loginAs("admin", "ADMIN");
    assertThat(grid.page(datasetId, QueueFilter.none(), null, null, 10).rows()).hasSize(10);
    assertThatThrownBy(() -> grid.page(datasetId, QueueFilter.none(), null, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> grid.page(datasetId, QueueFilter.none(), "nonsense", null, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown ranking method 'nonsense'");
    assertThatThrownBy(() -> QueueFilter.none().withScoreRange(0.8, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score range is empty");
    assertThatThrownBy(
            () ->
                bulk.decideMatching(datasetId, QueueFilter.none(), null, ReviewAction.CORRECT, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the classes 0..9");
    assertThatThrownBy(
            () -> bulk.decideMatching(datasetId, QueueFilter.none(), null, ReviewAction.UNDO, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(auditRows("CORRECT")).isZero();
  }

  long auditRows(String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where dataset_id = ? and action = ?",
        Long.class,
        datasetId,
        action);
  }
}

package com.relabel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.cli.AuditVerifyCommand;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.SampleStatus;
import com.relabel.flow.TestDatasets;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.review.SampleDecided;
import com.relabel.review.SamplesDecided;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's hash chain on a real database, as the application's role (subclasses choose the
 * database): decisions append linked rows, concurrent appends never fork the chain, and the
 * verifier (service and command line) names the first row the tables' owner changed or removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditChainFlowTest {

  static final int SAMPLES = 40;

  @Autowired DatasetImporter importer;
  @Autowired ReviewService review;
  @Autowired AuditChainVerifier verifier;
  @Autowired AuditRecorder recorder;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired SecurityContextHolderStrategy securityContexts;

  Dataset dataset;

  /** Runs one statement as the role that owns the tables, with the append-only triggers off. */
  abstract void asOwner(String sql, Object... args) throws SQLException;

  /** The command line's options that point it at the test database as the application's role. */
  abstract List<String> databaseOptions();

  @BeforeAll
  void rankedDataset() {
    dataset =
        importer.importImages(
            "audit-chain-" + getClass().getSimpleName() + "-" + System.currentTimeMillis(),
            TestDatasets.mnist(SAMPLES),
            null,
            null,
            "test");
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'IMPORTED', 'SUCCEEDED', current_timestamp, 0)",
        dataset.getId());
    long run =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, dataset.getId());
    jdbc.update(
        "insert into sample_score (run_id, sample_id, score, suggested_label)"
            + " select ?, id, sample_index / 100.0, 0 from sample where dataset_id = ?",
        run,
        dataset.getId());
    jdbc.update("update dataset set active_run_id = ? where id = ?", run, dataset.getId());
  }

  @AfterEach
  void logout() {
    securityContexts.clearContext();
    SecurityContextHolder.clearContext();
  }

  void loginAs(String user, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role));
    securityContexts.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
  }

  /** Decides the sample at {@code index} through the review service; returns its audit row's id. */
  long decide(int index, ReviewAction action) {
    loginAs("ada", "ANNOTATOR");
    long sampleId = review.sampleIdAt(dataset.getId(), index).orElseThrow();
    review.decide(review.item(dataset.getId(), sampleId).orElseThrow(), action, 0);
    return jdbc.queryForObject(
        "select max(id) from audit_entry where sample_id = ?", Long.class, sampleId);
  }

  /** The command line's exit code and output. */
  record Cli(int exitCode, String output) {}

  Cli verifyOnTheCommandLine(String... options) {
    var out = new ByteArrayOutputStream();
    var print = new PrintStream(out, true, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(databaseOptions());
    args.addAll(List.of(options));
    args.add("--logging.level.root=INFO"); // the command quietens the log; not this test JVM's
    int code = AuditVerifyCommand.run(args.toArray(String[]::new), print, print);
    return new Cli(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void decisionsAppendLinkedRowsThatVerify() throws SQLException {
    long first = decide(0, ReviewAction.CONFIRM);
    long second = decide(1, ReviewAction.EXCLUDE);
    long third = decide(2, ReviewAction.CONFIRM);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select id, prev_hash, row_hash from audit_entry where id in (?, ?, ?) order by id",
            first,
            second,
            third);
    assertThat(rows).hasSize(3);
    for (int i = 1; i < 3; i++) {
      assertThat(rows.get(i).get("prev_hash")).isEqualTo(rows.get(i - 1).get("row_hash"));
    }

    AuditChainReport report = verifier.verify();
    assertThat(report.intact()).as(report.problem()).isTrue();
    assertThat(report.entries())
        .isEqualTo(jdbc.queryForObject("select count(*) from audit_entry", Long.class));
    assertThat(report.lastHash())
        .isEqualTo(
            jdbc.queryForObject(
                "select row_hash from audit_entry order by id desc fetch first 1 rows only",
                String.class));
    Cli cli = verifyOnTheCommandLine();
    assertThat(cli.exitCode()).as(cli.output()).isZero();
    assertThat(cli.output()).contains("Audit trail intact: " + report.entries() + " rows");
  }

  @Test
  void concurrentAppendsNeverForkTheChain() throws Exception {
    int threads = 8;
    int appends = 15;
    long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    long sampleId =
        jdbc.queryForObject(
            "select id from sample where dataset_id = ? and sample_index = 10",
            Long.class,
            dataset.getId());
    var tx = new TransactionTemplate(transactions);
    var start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String actor = "writer-" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < appends; i++) {
                    SampleDecided e = event(sampleId, actor, i);
                    // every third append is a bulk decision of two rows
                    tx.executeWithoutResult(
                        status -> {
                          if (e.sampleIndex() % 3 == 0) {
                            recorder.on(new SamplesDecided(List.of(e, e)));
                          } else {
                            recorder.on(e);
                          }
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long expected = threads * (appends + (appends + 2) / 3);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
        .isEqualTo(before + expected);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select prev_hash from audit_entry group by prev_hash"
                    + " having count(*) > 1) forks",
                Long.class))
        .isZero();
    AuditChainReport report = verifier.verify();
    assertThat(report.intact()).as(report.problem()).isTrue();
    assertThat(jdbc.queryForObject("select entries from audit_chain_head where id = 1", Long.class))
        .isEqualTo(report.entries());
  }

  private SampleDecided event(long sampleId, String actor, int i) {
    return new SampleDecided(
        dataset.getId(),
        sampleId,
        i,
        actor,
        ReviewAction.CONFIRM,
        1,
        1,
        SampleStatus.OPEN,
        SampleStatus.CONFIRMED,
        i % 2 == 0 ? null : i / 7.0,
        null,
        Instant.now());
  }

  @Test
  void aRowTheOwnerChangedIsNamedByTheVerifier() throws SQLException {
    decide(3, ReviewAction.CONFIRM);
    long changed = decide(4, ReviewAction.CONFIRM);
    decide(5, ReviewAction.CONFIRM);
    assertThat(verifier.verify().intact()).isTrue();

    asOwner("update audit_entry set actor = 'mallory' where id = ?", changed);
    try {
      AuditChainReport report = verifier.verify();
      assertThat(report.intact()).isFalse();
      assertThat(report.brokenRowId()).isEqualTo(changed);
      assertThat(report.problem()).contains("row " + changed + " was changed");
      Cli cli = verifyOnTheCommandLine();
      assertThat(cli.exitCode()).as(cli.output()).isEqualTo(1);
      assertThat(cli.output()).contains("Audit trail BROKEN at row " + changed);
    } finally {
      asOwner("update audit_entry set actor = 'ada' where id = ?", changed);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void rowsTheOwnerRemovedAreFound() throws SQLException {
    long middle = decide(6, ReviewAction.CONFIRM);
    long next = decide(7, ReviewAction.EXCLUDE);
    long last = decide(8, ReviewAction.CONFIRM);
    Map<String, Object> middleRow =
        jdbc.queryForMap("select * from audit_entry where id = ?", middle);
    Map<String, Object> lastRow = jdbc.queryForMap("select * from audit_entry where id = ?", last);

    asOwner("delete from audit_entry where id = ?", middle);
    try {
      AuditChainReport report = verifier.verify();
      assertThat(report.intact()).isFalse();
      assertThat(report.brokenRowId()).isEqualTo(next);
      assertThat(report.problem()).contains("a row between them was removed");
    } finally {
      restore(middleRow);
    }
    assertThat(verifier.verify().intact()).isTrue();

    asOwner("delete from audit_entry where id = ?", last);
    try {
      AuditChainReport report = verifier.verify();
      assertThat(report.intact()).isFalse();
      assertThat(report.problem()).contains("rows were removed from its end");
      assertThat(verifyOnTheCommandLine().exitCode()).isEqualTo(1);
    } finally {
      restore(lastRow);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aRewriteOfEveryHashAfterARowShowsAgainstAHashNotedEarlier() throws SQLException {
    long rewritten = decide(9, ReviewAction.CONFIRM);
    decide(11, ReviewAction.CONFIRM);
    String noted = verifier.verify().lastHash();
    List<Long> ids =
        jdbc.queryForList(
            "select id from audit_entry where id >= ? order by id", Long.class, rewritten);
    Map<Long, Map<String, Object>> original = new LinkedHashMap<>();
    for (long id : ids) {
      original.put(
          id, jdbc.queryForMap("select prev_hash, row_hash from audit_entry where id = ?", id));
    }
    String headBefore =
        jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);

    // the owner changes a row, then recomputes its hash, every later one and the head's
    asOwner("update audit_entry set actor = 'mallory' where id = ?", rewritten);
    try {
      String previous = (String) original.get(rewritten).get("prev_hash");
      for (long id : ids) {
        AuditChain.Row row =
            jdbc.queryForObject(
                "select " + AuditChain.COLUMNS + " from audit_entry where id = ?",
                (rs, i) -> AuditChain.row(rs),
                id);
        String hash = AuditChain.link(previous, row);
        asOwner(
            "update audit_entry set prev_hash = ?, row_hash = ? where id = ?", previous, hash, id);
        previous = hash;
      }
      asOwner("update audit_chain_head set last_hash = ? where id = 1", previous);

      assertThat(verifier.verify().intact())
          .as("without a note the rewrite is consistent")
          .isTrue();
      AuditChainReport report = verifier.verify(noted);
      assertThat(report.intact()).isFalse();
      assertThat(report.problem()).contains("no row has the hash " + noted);
      Cli cli = verifyOnTheCommandLine("--expect-hash=" + noted);
      assertThat(cli.exitCode()).as(cli.output()).isEqualTo(1);
    } finally {
      asOwner("update audit_entry set actor = 'ada' where id = ?", rewritten);
      for (var e : original.entrySet()) {
        asOwner(
            "update audit_entry set prev_hash = ?, row_hash = ? where id = ?",
            e.getValue().get("prev_hash"),
            e.getValue().get("row_hash"),
            e.getKey());
      }
      asOwner("update audit_chain_head set last_hash = ? where id = 1", headBefore);
    }
    assertThat(verifier.verify(noted).intact()).isTrue();
    Cli cli = verifyOnTheCommandLine("--expect-hash=" + noted);
    assertThat(cli.exitCode()).as(cli.output()).isZero();
  }

  private void restore(Map<String, Object> row) throws SQLException {
    List<String> columns = new ArrayList<>(row.keySet());
    asOwner(
        "insert into audit_entry ("
            + String.join(", ", columns)
            + ") values ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ")",
        columns.stream().map(row::get).toArray());
  }
}

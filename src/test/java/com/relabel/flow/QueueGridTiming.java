package com.relabel.flow;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.BulkDecisions;
import com.relabel.review.BulkResult;
import com.relabel.review.Cursor;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.ReviewAction;
import com.relabel.scoring.CartographyRegion;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Times queue grid pages, counts and a bulk decision on a million synthetic samples in H2 (not a
 * test: run with {@code ./mvnw -o test -Dtest=QueueGridTiming -Drelabel.timing.samples=1000000}).
 * Scores are rounded to 3 decimals, so about a thousand samples share each score.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:timing;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class QueueGridTiming {

  @Autowired JdbcTemplate jdbc;
  @Autowired QueueBrowser grid;
  @Autowired BulkDecisions bulk;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @Test
  void time() {
    int n = Integer.getInteger("relabel.timing.samples", 1_000_000);
    long t0 = System.nanoTime();
    long dataset = fill(n);
    System.out.printf("TIMING fill %,d samples: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    QueueFilter none = QueueFilter.none();
    time("first page, no filter", () -> grid.page(dataset, none, null, null, 50));
    time(
        "deep page (cursor at score 0.5)",
        () -> grid.page(dataset, none, null, new Cursor(0.5, n / 2), 50));
    time("given=3", () -> grid.page(dataset, none.withGiven(3), null, null, 50));
    time(
        "given=3&suggested=5",
        () -> grid.page(dataset, none.withGiven(3).withSuggested(5), null, null, 50));
    time("decidedBy=ben", () -> grid.page(dataset, none.withDecidedBy("ben"), null, null, 50));
    time(
        "status=CONFIRMED",
        () ->
            grid.page(
                dataset, none.withStatuses(EnumSet.of(SampleStatus.CONFIRMED)), null, null, 50));
    time(
        "region=HARD",
        () -> grid.page(dataset, none.withRegion(CartographyRegion.HARD), null, null, 50));
    time("flagged=aum", () -> grid.page(dataset, none.withFlaggedBy("aum"), null, null, 50));
    time("sort=loss", () -> grid.page(dataset, none, "loss", null, 50));
    time("sort=loss&given=3", () -> grid.page(dataset, none.withGiven(3), "loss", null, 50));
    time("count, no filter (cap 10,000)", () -> grid.count(dataset, none, null));
    time(
        "count given=3&suggested=5",
        () -> grid.count(dataset, none.withGiven(3).withSuggested(5), null));
    time("count decidedBy=ben", () -> grid.count(dataset, none.withDecidedBy("ben"), null));
    time("exact open count given=3", () -> grid.countOpen(dataset, none.withGiven(3), null));
    QueueFilter target = none.withGiven(3).withSuggested(5);
    long open = grid.countOpen(dataset, target, null);
    long start = System.nanoTime();
    BulkResult result = bulk.decideMatching(dataset, target, null, ReviewAction.EXCLUDE, -1);
    System.out.printf(
        "TIMING bulk exclude given=3&suggested=5 (%,d open): %s in %.0f ms%n",
        open, result, (System.nanoTime() - start) / 1e6);
    TestLogins.logout(securityContexts);
  }

  private void time(String what, Supplier<?> call) {
    call.get(); // warm
    double[] ms = new double[5];
    Object out = null;
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      out = call.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    String shown =
        out instanceof com.relabel.review.QueuePage p
            ? p.rows().size() + " rows"
            : String.valueOf(out);
    System.out.printf("TIMING %-36s median %7.1f ms  (%s)%n", what, ms[2], shown);
  }

  private long fill(int n) {
    jdbc.update(
        "insert into dataset (name, kind, num_classes, created_at, version)"
            + " values ('timing', 'IMAGE', 10, current_timestamp, 0)");
    long dataset = jdbc.queryForObject("select id from dataset where name = 'timing'", Long.class);
    jdbc.update(
        "insert into sample (dataset_id, sample_index, original_label, current_label, status,"
            + " version) select ?, x - 1, mod(x * 7, 10), mod(x * 7, 10), 'OPEN', 0"
            + " from system_range(1, ?)",
        dataset,
        n);
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'ben', version = 1"
            + " where dataset_id = ? and mod(sample_index, 1000) = 7",
        dataset);
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'IMPORTED', 'SUCCEEDED', current_timestamp, 0)",
        dataset);
    long run =
        jdbc.queryForObject(
            "select id from training_run where dataset_id = ?", Long.class, dataset);
    jdbc.update(
        "insert into sample_score (run_id, sample_id, score, suggested_label,"
            + " suggested_probability, flagged_by, region) select ?, s.id, round(rand(), 3),"
            + " case when rand() < 0.1 then mod(s.current_label + 1 + cast(rand() * 9 as int), 10)"
            + " else s.current_label end, rand(), '',"
            + " case when rand() < 0.1 then 'HARD' when rand() < 0.33 then 'AMBIGUOUS'"
            + " else 'EASY' end from sample s where s.dataset_id = ?",
        run,
        dataset);
    jdbc.update(
        "update sample_score set flagged_by = 'loss,aum' where run_id = ? and score > 0.95", run);
    jdbc.update(
        "insert into method_score (run_id, method, sample_id, score)"
            + " select ?, 'loss', s.id, rand() from sample s where s.dataset_id = ?",
        run,
        dataset);
    jdbc.update("update dataset set active_run_id = ? where id = ?", run, dataset);
    jdbc.execute("analyze");
    return dataset;
  }
}

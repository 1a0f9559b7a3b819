package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue grid: filtered keyset pages over a dataset's active run, sorted by any method's score
 * (most suspicious first), and how many samples match.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class QueueBrowser {

  /** The largest page one call returns. */
  public static final int MAX_PAGE = 1000;

  /** Counts stop here ("10,000+"), so that counting stays fast on a million samples. */
  public static final long COUNT_CAP = 10_000;

  private final DatasetService datasets;
  private final NamedParameterJdbcTemplate jdbc;
  private final Executor counting = countingThreads();

  QueueBrowser(DatasetService datasets, NamedParameterJdbcTemplate jdbc) {
    this.datasets = datasets;
    this.jdbc = jdbc;
  }

  /** At most two counts at once per node; idle threads end after a minute. */
  private static Executor countingThreads() {
    var pool =
        new ThreadPoolExecutor(
            2,
            2,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("queue-count-", 0).factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * The next {@code limit} matching rows after {@code after} ({@code null}: from the top), sorted
   * by {@code sortMethod}'s score descending, then sample id. Concatenating the pages, each started
   * at the previous page's {@link QueuePage#next()}, gives every match exactly once.
   *
   * @throws IllegalArgumentException for a limit outside 1..{@value #MAX_PAGE} or a method that did
   *     not score the active run
   */
  public QueuePage page(
      long datasetId, QueueFilter filter, String sortMethod, Cursor after, int limit) {
    sortMethod = orEnsemble(sortMethod);
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " rows, not " + limit);
    }
    Long run = activeRun(datasetId, sortMethod);
    if (run == null) {
      return new QueuePage(List.of(), null);
    }
    var query = new QueueQuery(datasetId, run, sortMethod, filter, filter.statuses());
    // one row more than asked tells whether another page follows
    List<QueueRow> rows = jdbc.query(query.page(after, limit + 1), query.params(), QueueQuery::row);
    if (rows.size() <= limit) {
      return new QueuePage(rows, null);
    }
    List<QueueRow> page = rows.subList(0, limit);
    return new QueuePage(page, page.getLast().cursor());
  }

  /** How many samples match, exact up to {@value #COUNT_CAP}. */
  public MatchCount count(long datasetId, QueueFilter filter, String sortMethod) {
    return count(datasetId, filter, sortMethod, COUNT_CAP);
  }

  /** How many samples match, exact up to {@code cap}. */
  public MatchCount count(long datasetId, QueueFilter filter, String sortMethod, long cap) {
    sortMethod = orEnsemble(sortMethod);
    Long run = activeRun(datasetId, sortMethod);
    if (run == null) {
      return new MatchCount(0, true);
    }
    return countMatches(new QueueQuery(datasetId, run, sortMethod, filter, filter.statuses()), cap);
  }

  /**
   * {@link #count(long, QueueFilter, String)} in the background, so that the grid shows its first
   * page without waiting for the count. The caller's rights and the method are checked now (a bad
   * method throws here); only the counting query runs later, on one of this node's two counting
   * threads.
   */
  public CompletableFuture<MatchCount> countLater(
      long datasetId, QueueFilter filter, String sortMethod) {
    sortMethod = orEnsemble(sortMethod);
    Long run = activeRun(datasetId, sortMethod);
    if (run == null) {
      return CompletableFuture.completedFuture(new MatchCount(0, true));
    }
    var query = new QueueQuery(datasetId, run, sortMethod, filter, filter.statuses());
    return CompletableFuture.supplyAsync(() -> countMatches(query, COUNT_CAP), counting);
  }

  private MatchCount countMatches(QueueQuery query, long cap) {
    long n = jdbc.queryForObject(query.count(cap + 1), query.params(), Long.class);
    return n > cap ? new MatchCount(cap, false) : new MatchCount(n, true);
  }

  /**
   * Exactly how many open samples match: what a bulk decision on "everything matching" touches. Not
   * capped (one count when a reviewer asks for it, not on every filter change).
   */
  public long countOpen(long datasetId, QueueFilter filter, String sortMethod) {
    sortMethod = orEnsemble(sortMethod);
    Long run = activeRun(datasetId, sortMethod);
    if (run == null || filter.openOnly().isEmpty()) {
      return 0;
    }
    var query = new QueueQuery(datasetId, run, sortMethod, filter, filter.openOnly());
    return jdbc.queryForObject(query.countAll(), query.params(), Long.class);
  }

  private Long activeRun(long datasetId, String sortMethod) {
    return QueueQuery.activeRun(datasets, jdbc, datasetId, sortMethod);
  }

  /** {@code null} or blank means the default ranking, the ensemble. */
  static String orEnsemble(String method) {
    return method == null || method.isBlank() ? ReviewService.ENSEMBLE : method;
  }
}

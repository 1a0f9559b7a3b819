package com.relabel.bench;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.Cursor;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueuePage;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The queue grid's reads as {@link QueueBenchmark} operations: a 50-row page from the top, a 50-row
 * page deep in the queue (reached by walking the keyset cursor, never an offset), a filtered page
 * (given label 3, OPEN, a score range) and the capped counts the grid shows beside the unfiltered
 * and the filtered pages (the grid asks for them in the background, {@link
 * QueueBrowser#countLater}; measured here as the query they run).
 */
public final class QueuePageProbes {

  /** Rows per page, as the grid loads them. */
  public static final int PAGE = 50;

  public static final String FIRST_PAGE = "50-row page, top";
  public static final String DEEP_PAGE = "50-row page, deep (cursor)";
  public static final String FILTERED_PAGE = "filtered page (given 3, OPEN, score 0.5-0.9)";
  public static final String COUNT = "count, no filter (capped)";
  public static final String FILTERED_COUNT = "filtered count (capped)";

  /** The filter of the filtered page. */
  public static final QueueFilter FILTER =
      QueueFilter.none()
          .withGiven(3)
          .withStatuses(Set.of(SampleStatus.OPEN))
          .withScoreRange(0.5, 0.9);

  private QueuePageProbes() {}

  /**
   * Adds the page operations to {@code benchmark}. Walks {@code depthPages} pages first (not timed)
   * to find the deep page's cursor. The caller must be logged in.
   */
  public static void register(
      QueueBenchmark benchmark,
      QueueBrowser browser,
      long datasetId,
      int depthPages,
      Consumer<String> log) {
    Cursor deep = walk(browser, datasetId, depthPages);
    log.accept("deep page starts after row " + (long) depthPages * PAGE + " at " + deep);
    benchmark
        .addOperation(
            FIRST_PAGE, () -> browser.page(datasetId, QueueFilter.none(), null, null, PAGE))
        .addOperation(
            DEEP_PAGE, () -> browser.page(datasetId, QueueFilter.none(), null, deep, PAGE))
        .addOperation(FILTERED_PAGE, () -> browser.page(datasetId, FILTER, null, null, PAGE))
        .addOperation(COUNT, () -> browser.count(datasetId, QueueFilter.none(), null))
        .addOperation(FILTERED_COUNT, () -> browser.count(datasetId, FILTER, null));
  }

  private static Cursor walk(QueueBrowser browser, long datasetId, int pages) {
    Cursor cursor = null;
    for (int i = 0; i < pages; i++) {
      QueuePage page = browser.page(datasetId, QueueFilter.none(), null, cursor, PAGE);
      if (!page.hasNext()) {
        break;
      }
      cursor = page.next();
    }
    return cursor;
  }
}

package com.relabel.review.ui;

import com.relabel.review.Cursor;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueuePage;
import com.relabel.review.QueueRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Answers the grid's "rows {@code offset} to {@code offset + limit}" with keyset pages only. It
 * remembers the cursor at every page boundary it has seen (offset → cursor), so scrolling on is one
 * keyset page from the nearest boundary, and a jump further down is walked forward page by page
 * from there. SQL never sees an offset.
 */
final class KeysetWindow {

  /** Fetches one keyset page. */
  @FunctionalInterface
  interface PageSource {
    QueuePage page(Cursor after, int limit);
  }

  private final PageSource source;
  private final NavigableMap<Integer, Cursor> boundaries = new TreeMap<>();
  private int pagesFetched;

  KeysetWindow(PageSource source) {
    this.source = source;
    boundaries.put(0, null); // offset 0: from the top
  }

  /** The rows at {@code offset .. offset + limit - 1}; fewer at the end of the queue. */
  List<QueueRow> fetch(int offset, int limit) {
    Map.Entry<Integer, Cursor> start = boundaries.floorEntry(offset);
    int at = start.getKey();
    Cursor cursor = start.getValue();
    while (at < offset) {
      QueuePage page = next(cursor, Math.min(offset - at, QueueBrowser.MAX_PAGE));
      if (page.rows().isEmpty()) {
        return List.of();
      }
      at += page.rows().size();
      cursor = page.rows().getLast().cursor();
      boundaries.put(at, cursor);
      if (!page.hasNext() && at < offset) {
        return List.of();
      }
    }
    List<QueueRow> rows = new ArrayList<>(limit);
    while (rows.size() < limit) {
      QueuePage page = next(cursor, Math.min(limit - rows.size(), QueueBrowser.MAX_PAGE));
      rows.addAll(page.rows());
      if (page.rows().isEmpty()) {
        break;
      }
      cursor = page.rows().getLast().cursor();
      boundaries.put(offset + rows.size(), cursor);
      if (!page.hasNext()) {
        break;
      }
    }
    return rows;
  }

  /** How many keyset pages this window has asked for so far. */
  int pagesFetched() {
    return pagesFetched;
  }

  private QueuePage next(Cursor after, int limit) {
    pagesFetched++;
    return source.page(after, limit);
  }
}

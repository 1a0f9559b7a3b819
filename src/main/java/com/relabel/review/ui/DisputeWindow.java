package com.relabel.review.ui;

import com.relabel.review.Dispute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Answers the disputes grid's "rows {@code offset} to {@code offset + limit}" with keyset pages of
 * the disputes queue (sample id after sample id), like {@link KeysetWindow} does for the queue
 * grid: it remembers the last sample id at every page boundary it has seen, so SQL never sees an
 * offset.
 */
final class DisputeWindow {

  /** Fetches the disputes after {@code afterSampleId} (0: from the start), in sample id order. */
  @FunctionalInterface
  interface PageSource {
    List<Dispute> page(long afterSampleId, int limit);
  }

  /** The largest page asked for at once (the service's own limit). */
  static final int MAX_PAGE = 500;

  private final PageSource source;
  private final NavigableMap<Integer, Long> boundaries = new TreeMap<>();

  DisputeWindow(PageSource source) {
    this.source = source;
    boundaries.put(0, 0L);
  }

  /** The disputes at {@code offset .. offset + limit - 1}; fewer at the end. */
  List<Dispute> fetch(int offset, int limit) {
    Map.Entry<Integer, Long> start = boundaries.floorEntry(offset);
    int at = start.getKey();
    long after = start.getValue();
    while (at < offset) {
      int asked = Math.min(offset - at, MAX_PAGE);
      List<Dispute> skipped = source.page(after, asked);
      if (skipped.isEmpty()) {
        return List.of();
      }
      at += skipped.size();
      after = skipped.getLast().sampleId();
      boundaries.put(at, after);
      if (skipped.size() < asked) {
        return List.of(); // the end came before the offset
      }
    }
    List<Dispute> rows = new ArrayList<>(limit);
    while (rows.size() < limit) {
      int asked = Math.min(limit - rows.size(), MAX_PAGE);
      List<Dispute> page = source.page(after, asked);
      if (page.isEmpty()) {
        break;
      }
      rows.addAll(page);
      after = page.getLast().sampleId();
      boundaries.put(offset + rows.size(), after);
      if (page.size() < asked) {
        break;
      }
    }
    return rows;
  }
}

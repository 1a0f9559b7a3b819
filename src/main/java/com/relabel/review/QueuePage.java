package com.relabel.review;

import java.util.List;

/**
 * One keyset page of the queue grid.
 *
 * @param next where the following page starts, or {@code null} when this is the last page
 */
public record QueuePage(List<QueueRow> rows, Cursor next) {

  public QueuePage {
    rows = List.copyOf(rows);
  }

  public boolean hasNext() {
    return next != null;
  }
}

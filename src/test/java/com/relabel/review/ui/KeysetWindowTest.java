package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.Cursor;
import com.relabel.review.QueuePage;
import com.relabel.review.QueueRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid's offset/limit requests answered by keyset pages only. */
class KeysetWindowTest {

  /** 1,000 rows in queue order, with ties on the score; pages served after a cursor. */
  private final List<QueueRow> queue = new ArrayList<>();

  private final List<Cursor> cursorsAsked = new ArrayList<>();

  KeysetWindowTest() {
    for (int i = 0; i < 1000; i++) {
      queue.add(
          new QueueRow(
              1000 + i,
              i,
              0,
              0,
              null,
              null,
              1.0 - (i / 10) / 100.0,
              SampleStatus.OPEN,
              null,
              List.of(),
              null,
              null,
              0));
    }
  }

  private QueuePage page(Cursor after, int limit) {
    cursorsAsked.add(after);
    int from = 0;
    if (after != null) {
      while (from < queue.size() && !queue.get(from).cursor().equals(after)) {
        from++;
      }
      from++; // after the cursor's row
    }
    int to = Math.min(queue.size(), from + limit);
    List<QueueRow> rows = queue.subList(from, to);
    return new QueuePage(rows, to < queue.size() ? rows.getLast().cursor() : null);
  }

  @Test
  void sequentialScrollingIsOneKeysetPagePerRequest() {
    var window = new KeysetWindow(this::page);
    List<QueueRow> seen = new ArrayList<>();
    for (int offset = 0; offset < 1000; offset += 50) {
      seen.addAll(window.fetch(offset, 50));
    }
    assertThat(seen).isEqualTo(queue);
    assertThat(window.pagesFetched()).isEqualTo(20);
    assertThat(window.fetch(1000, 50)).isEmpty();
  }

  @Test
  void anyOffsetGivesTheSameRowsAsTheWholeListAndJumpsReuseKnownBoundaries() {
    var window = new KeysetWindow(this::page);
    assertThat(window.fetch(730, 40)).isEqualTo(queue.subList(730, 770));
    int afterJump = window.pagesFetched();
    assertThat(window.fetch(770, 50)).isEqualTo(queue.subList(770, 820));
    assertThat(window.pagesFetched()).isEqualTo(afterJump + 1);
    assertThat(window.fetch(0, 10)).isEqualTo(queue.subList(0, 10));
    assertThat(cursorsAsked.getLast()).isNull();
    var random = new Random(3);
    for (int i = 0; i < 50; i++) {
      int offset = random.nextInt(1100);
      int limit = 1 + random.nextInt(120);
      assertThat(window.fetch(offset, limit))
          .as("rows %d+%d", offset, limit)
          .isEqualTo(queue.subList(Math.min(offset, 1000), Math.min(1000, offset + limit)));
    }
  }
}

package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.relabel.review.QueueBusyException;
import com.relabel.review.QueueItem;
import com.relabel.review.ReviewNotes;
import com.relabel.review.ReviewService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Busy" is not "done" on the review screen either (decision 0042): when others took every sample
 * offered, the reviewer reads that the queue is busy and to ask again, not "Nothing left to review"
 * and not the generic server error. The service's busy answer itself is proven on a real database
 * by QueueBusyTest; here only what the screen makes of it.
 */
class ReviewFlowBusyTest {

  private final ReviewService review = mock(ReviewService.class);
  private final Screen screen = new Screen();
  private final ReviewFlow flow =
      new ReviewFlow(review, mock(ReviewNotes.class), screen, mock(LabelQuickPick.class));

  @Test
  void aBusyQueueSaysSoInsteadOfFailing() {
    when(review.offer(anyLong(), anyCollection(), any())).thenThrow(QueueBusyException.class);

    flow.showNext();

    assertThat(screen.said).containsExactly(QueueOnScreen.BUSY);
  }

  @Test
  void aSkipIntoABusyQueueStillSkips() {
    QueueItem item = new QueueItem(5, 4, 1, 2, 2, 0.9, 3, 0.8, List.of(), 1);
    when(review.offer(anyLong(), anyCollection(), any())).thenThrow(QueueBusyException.class);

    flow.skip(item);

    verify(review).release(item);
    assertThat(screen.said).containsExactly(QueueOnScreen.BUSY);
  }

  /** The screen, reduced to what it was told to say. */
  private static final class Screen implements ReviewScreen {
    final List<String> said = new ArrayList<>();

    @Override
    public long datasetId() {
      return 1;
    }

    @Override
    public String rankingMethod() {
      return null;
    }

    @Override
    public boolean hasActiveRun() {
      return true;
    }

    @Override
    public boolean isText() {
      return false;
    }

    @Override
    public QueueItem shown() {
      return null;
    }

    @Override
    public boolean readOnly() {
      return false;
    }

    @Override
    public void show(QueueItem item, Long following) {
      said.add("shown #" + item.sampleIndex());
    }

    @Override
    public void showNone(String why) {
      said.add(why);
    }

    @Override
    public void cannotShow(String saved) {
      said.add("cannot show: " + saved);
    }

    @Override
    public void consensus(String text) {}

    @Override
    public void refreshCounts() {}

    @Override
    public void queueMovesOn() {}

    @Override
    public void refreshHistory(QueueItem item) {}
  }
}

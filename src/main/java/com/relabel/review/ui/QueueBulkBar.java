package com.relabel.review.ui;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.BulkDecisions;
import com.relabel.review.BulkResult;
import com.relabel.review.MatchCount;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueRow;
import com.relabel.review.ReviewAction;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The queue grid's bulk decisions: how many samples match, what is selected (rows, or everything
 * matching), and confirm, exclude or correct them all after a question that says how many open
 * samples it touches.
 */
final class QueueBulkBar extends HorizontalLayout {

  /** The grid's current query: which dataset, filtered and sorted how. */
  record Query(long datasetId, QueueFilter filter, String sort) {}

  private final Grid<QueueRow> grid;
  private final QueueBrowser browser;
  private final BulkDecisions bulk;
  private final LabelNames labels;
  private final Supplier<Query> query;
  private final Runnable decided;
  private final Span matches = new Span();
  private final Span selection = new Span();
  private final Select<Integer> correctTo = new Select<>();

  /** The current query's count; null while it is being counted. */
  private MatchCount matchCount;

  private boolean allMatching;

  /** {@code decided} runs after a bulk decision (the grid reloads). */
  QueueBulkBar(
      Grid<QueueRow> grid,
      QueueBrowser browser,
      BulkDecisions bulk,
      LabelNames labels,
      Supplier<Query> query,
      Runnable decided) {
    this.grid = grid;
    this.browser = browser;
    this.bulk = bulk;
    this.labels = labels;
    this.query = query;
    this.decided = decided;
    matches.setId("match-count");
    selection.setId("selection-count");
    grid.addSelectionListener(
        e -> {
          if (e.isFromClient()) {
            allMatching = false;
          }
          showSelection();
        });
    var selectAll = new Button("Select all matching", e -> selectAllMatching());
    selectAll.setId("select-all-matching");
    var clear = new Button("Clear selection", e -> clearSelection());
    clear.setId("clear-selection");
    var confirm = new Button("Confirm", e -> askBulk(ReviewAction.CONFIRM, -1));
    confirm.setId("bulk-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
    var exclude = new Button("Exclude", e -> askBulk(ReviewAction.EXCLUDE, -1));
    exclude.setId("bulk-exclude");
    exclude.addThemeVariants(ButtonVariant.LUMO_ERROR);
    correctTo.setId("bulk-correct-label");
    correctTo.setPlaceholder("label");
    correctTo.setWidth("9rem");
    correctTo.setItemLabelGenerator(labels::name);
    var correct =
        new Button(
            "Correct to",
            e -> {
              if (correctTo.getValue() == null) {
                QueueGridView.warn("Choose the label to correct to first.");
              } else {
                askBulk(ReviewAction.CORRECT, correctTo.getValue());
              }
            });
    correct.setId("bulk-correct");
    add(matches, selectAll, clear, selection, confirm, exclude, correct, correctTo);
    setAlignItems(FlexComponent.Alignment.CENTER);
    getStyle().set("flex-wrap", "wrap");
  }

  void setClassCount(int classes) {
    correctTo.setItems(IntStream.range(0, classes).boxed().toList());
  }

  /** A new query is being counted: nothing selected, "counting…". */
  void counting() {
    matchCount = null;
    matches.setText("counting…");
    clearSelection();
  }

  void countFailed() {
    matches.setText("count failed");
  }

  void counted(MatchCount count) {
    matchCount = count;
    matches.setText(count.display() + " match");
    showSelection();
  }

  private void selectAllMatching() {
    grid.deselectAll();
    allMatching = true;
    showSelection();
  }

  private void clearSelection() {
    allMatching = false;
    grid.deselectAll();
    showSelection();
  }

  private void showSelection() {
    selection.setText(
        allMatching
            ? "All " + (matchCount == null ? "" : matchCount.display() + " ") + "matching selected"
            : grid.getSelectedItems().size() + " selected");
  }

  private void askBulk(ReviewAction action, int label) {
    Query q = query.get();
    Set<QueueRow> rows = grid.getSelectedItems();
    long open =
        allMatching
            ? browser.countOpen(q.datasetId(), q.filter(), q.sort())
            : rows.stream().filter(r -> r.status() == SampleStatus.OPEN).count();
    if (!allMatching && rows.isEmpty()) {
      QueueGridView.warn("Select samples first, or \"Select all matching\".");
      return;
    }
    if (open == 0) {
      QueueGridView.warn(
          "None of the selected samples is open: only open samples can be decided in bulk.");
      return;
    }
    BulkConfirmDialog.ask(
        BulkConfirmDialog.question(action, labels.name(label), open),
        () -> applyBulk(q, action, label, rows, open));
  }

  private void applyBulk(
      Query q, ReviewAction action, int label, Set<QueueRow> rows, long expected) {
    BulkResult result =
        allMatching
            ? bulk.decideMatching(q.datasetId(), q.filter(), q.sort(), action, label)
            : bulk.decide(q.datasetId(), List.copyOf(rows), action, label);
    long leftAlone = Math.max(result.skipped(), expected - result.applied());
    String text =
        String.format("%,d samples decided.", result.applied())
            + (leftAlone == 0
                ? ""
                : String.format(
                    " %,d were decided by someone else meanwhile and were left as they were.",
                    leftAlone));
    QueueGridView.notice(text, "bulk-result", NotificationVariant.LUMO_SUCCESS, 8000);
    decided.run();
  }
}

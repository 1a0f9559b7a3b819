package com.relabel.review.ui;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleStatus;
import com.relabel.dataset.SampleTexts;
import com.relabel.review.BulkDecisions;
import com.relabel.review.BulkResult;
import com.relabel.review.MatchCount;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueRow;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewService;
import com.relabel.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue as a grid: every scored sample of the active run, most suspicious first, with
 * filters (kept in the URL), sort by any method, lazy keyset loading, and bulk decisions on the
 * selected rows or on everything matching. Double-click or Enter opens a sample in the review view.
 */
@Route("queue/:datasetId")
@PageTitle("Queue grid · Relabel")
@RolesAllowed({Roles.ADMIN, Roles.ANNOTATOR})
class QueueGridView extends VerticalLayout implements BeforeEnterObserver {

  private static final int PAGE = 50;
  private static final Logger log = LoggerFactory.getLogger(QueueGridView.class);

  private final QueueBrowser browser;
  private final BulkDecisions bulk;
  private final ReviewService review;
  private final DatasetService datasets;
  private final H2 title = new H2();
  private final QueueFilterBar filters = new QueueFilterBar();
  private final Span matches = new Span();
  private final Span selection = new Span();
  private final Select<Integer> correctTo = new Select<>();
  private final Grid<QueueRow> grid = new Grid<>();
  private final LabelNames labels = new LabelNames();
  private Dataset dataset;
  private QueueFilter filter = QueueFilter.none();
  private String sort = ReviewService.ENSEMBLE;

  /** How many methods the active run has (the ensemble not counted). */
  private int methodCount;

  /** The current filter's count; null while it is being counted. */
  private MatchCount matchCount;

  /** Tells a count that arrives late from the count of the current filter. */
  private int countGeneration;

  private boolean allMatching;
  private QueueRow focused;
  private final SampleTexts texts;
  private final Map<Long, String> snippets = new HashMap<>();
  private final Grid.Column<QueueRow> textColumn;

  QueueGridView(
      QueueBrowser browser,
      BulkDecisions bulk,
      ReviewService review,
      DatasetService datasets,
      SampleTexts texts) {
    this.texts = texts;
    this.browser = browser;
    this.bulk = bulk;
    this.review = review;
    this.datasets = datasets;
    setSizeFull();
    matches.setId("match-count");
    selection.setId("selection-count");
    filters.onChange(this::filtersChanged);
    QueueGridColumns.addTo(grid, labels, () -> methodCount);
    textColumn = QueueGridColumns.addTextColumn(grid, r -> snippets.getOrDefault(r.sampleId(), ""));
    grid.setId("queue-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.setPageSize(PAGE);
    grid.addSelectionListener(
        e -> {
          if (e.isFromClient()) {
            allMatching = false;
          }
          showSelection();
        });
    grid.addItemDoubleClickListener(e -> open(e.getItem()));
    grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
    Shortcuts.addShortcutListener(grid, () -> open(focused), Key.ENTER).listenOn(grid);
    grid.setSizeFull();
    add(title, filters, actions(), grid);
    setFlexGrow(1, grid);
  }

  private HorizontalLayout actions() {
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
                warn("Choose the label to correct to first.");
              } else {
                askBulk(ReviewAction.CORRECT, correctTo.getValue());
              }
            });
    correct.setId("bulk-correct");
    var bar =
        new HorizontalLayout(
            matches, selectAll, clear, selection, confirm, exclude, correct, correctTo);
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    bar.getStyle().set("flex-wrap", "wrap");
    return bar;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    dataset = datasets.get(id);
    labels.set(datasets.classNames(id));
    title.setText("Queue grid · " + dataset.getName());
    textColumn.setVisible(isText());
    grid.getColumnByKey("image").setVisible(!isText());
    List<String> methods = review.rankingMethods(id);
    methodCount = methods.size() - 1;
    filters.setOptions(dataset.getNumClasses(), labels::name, methods);
    correctTo.setItems(IntStream.range(0, dataset.getNumClasses()).boxed().toList());
    var params = event.getLocation().getQueryParameters().getParameters();
    try {
      filter = QueueParameters.filter(params);
      sort = QueueParameters.sort(params);
      if (!methods.contains(sort)) {
        throw new IllegalArgumentException("'sort=" + sort + "': no such method in this run");
      }
    } catch (IllegalArgumentException e) {
      warn("The link's filter was ignored: " + e.getMessage());
      filter = QueueFilter.none();
      sort = ReviewService.ENSEMBLE;
    }
    filters.show(filter, sort);
    reload();
  }

  private void filtersChanged() {
    try {
      filter = filters.filter();
    } catch (IllegalArgumentException e) {
      warn(e.getMessage());
      return;
    }
    sort = filters.sortMethod();
    QueryParameters query = QueueParameters.of(filter, sort);
    getUI()
        .ifPresent(
            ui ->
                ui.getPage()
                    .getHistory()
                    .replaceState(null, new Location("queue/" + dataset.getId(), query)));
    reload();
  }

  /**
   * New filter or sort, or decisions made: restarts the keyset window at once and counts again in
   * the background ("counting…" until the count is pushed).
   */
  private void reload() {
    long id = dataset.getId();
    QueueFilter f = filter;
    String s = sort;
    snippets.clear();
    matchCount = null;
    matches.setText("counting…");
    int generation = ++countGeneration;
    UI ui = UI.getCurrent();
    browser
        .countLater(id, f, s)
        .whenComplete((count, error) -> showCount(ui, generation, count, error));
    var window = new KeysetWindow((after, limit) -> browser.page(id, f, s, after, limit));
    grid.setItems(
        query -> withSnippets(window.fetch(query.getOffset(), query.getLimit())).stream());
    clearSelection();
  }

  /** Shows a background count, unless the filter changed since it was asked for. */
  private void showCount(UI ui, int generation, MatchCount count, Throwable error) {
    try {
      ui.access(
          () -> {
            if (generation != countGeneration) {
              return;
            }
            if (error != null) {
              log.warn("Counting the queue grid's matches failed", error);
              matches.setText("count failed");
              return;
            }
            matchCount = count;
            matches.setText(count.display() + " match");
            showSelection();
          });
    } catch (UIDetachedException closed) {
      // the page was closed before the count arrived: nobody to tell
    }
  }

  private boolean isText() {
    return dataset.getKind() == DatasetKind.TEXT;
  }

  /** Reads the page's text snippets in one query (text datasets), for the text column. */
  private List<QueueRow> withSnippets(List<QueueRow> page) {
    if (isText()) {
      if (snippets.size() > 5_000) {
        snippets.clear(); // rows scrolled far away are read again when they come back
      }
      snippets.putAll(
          texts.snippets(
              page.stream().map(QueueRow::sampleId).toList(), SampleTextBox.SNIPPET_CHARS));
    }
    return page;
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
    Set<QueueRow> rows = grid.getSelectedItems();
    long open =
        allMatching
            ? browser.countOpen(dataset.getId(), filter, sort)
            : rows.stream().filter(r -> r.status() == SampleStatus.OPEN).count();
    if (!allMatching && rows.isEmpty()) {
      warn("Select samples first, or \"Select all matching\".");
      return;
    }
    if (open == 0) {
      warn("None of the selected samples is open: only open samples can be decided in bulk.");
      return;
    }
    BulkConfirmDialog.ask(
        BulkConfirmDialog.question(action, labels.name(label), open),
        () -> applyBulk(action, label, rows, open));
  }

  private void applyBulk(ReviewAction action, int label, Set<QueueRow> rows, long expected) {
    BulkResult result =
        allMatching
            ? bulk.decideMatching(dataset.getId(), filter, sort, action, label)
            : bulk.decide(dataset.getId(), List.copyOf(rows), action, label);
    long leftAlone = Math.max(result.skipped(), expected - result.applied());
    String text =
        String.format("%,d samples decided.", result.applied())
            + (leftAlone == 0
                ? ""
                : String.format(
                    " %,d were decided by someone else meanwhile and were left as they were.",
                    leftAlone));
    var message = new Span(text);
    message.setId("bulk-result");
    var n = new Notification(message);
    n.setDuration(8000);
    n.setPosition(Notification.Position.TOP_CENTER);
    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    n.open();
    reload();
  }

  private void open(QueueRow row) {
    if (row != null) {
      UI.getCurrent()
          .navigate("review/" + dataset.getId(), ReviewView.sampleParameter(row.sampleIndex()));
    }
  }

  private static void warn(String message) {
    var text = new Span(message);
    text.setId("queue-message");
    var n = new Notification(text);
    n.setDuration(6000);
    n.setPosition(Notification.Position.TOP_CENTER);
    n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    n.open();
  }
}

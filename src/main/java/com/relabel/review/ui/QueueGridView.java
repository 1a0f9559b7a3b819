package com.relabel.review.ui;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleTexts;
import com.relabel.review.BulkDecisions;
import com.relabel.review.MatchCount;
import com.relabel.review.QueueBrowser;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueRow;
import com.relabel.review.ReviewService;
import com.relabel.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
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
  private final ReviewService review;
  private final DatasetService datasets;
  private final H2 title = new H2();
  private final QueueFilterBar filters = new QueueFilterBar();
  private final Grid<QueueRow> grid = new Grid<>();
  private final QueueBulkBar bulkBar;
  private final LabelNames labels = new LabelNames();
  private Dataset dataset;
  private QueueFilter filter = QueueFilter.none();
  private String sort = ReviewService.ENSEMBLE;

  /** How many methods the active run has (the ensemble not counted). */
  private int methodCount;

  /** Tells a count that arrives late from the count of the current filter. */
  private int countGeneration;

  private QueueRow focused;
  private final PageSnippets snippets;
  private final Grid.Column<QueueRow> textColumn;

  QueueGridView(
      QueueBrowser browser,
      BulkDecisions bulk,
      ReviewService review,
      DatasetService datasets,
      SampleTexts texts) {
    this.snippets = new PageSnippets(texts, SampleTextBox.SNIPPET_CHARS);
    this.browser = browser;
    this.review = review;
    this.datasets = datasets;
    setSizeFull();
    filters.onChange(this::filtersChanged);
    QueueGridColumns.addTo(grid, labels, () -> methodCount);
    textColumn = QueueGridColumns.addTextColumn(grid, r -> snippets.of(r.sampleId()));
    grid.setId("queue-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.setPageSize(PAGE);
    grid.addItemDoubleClickListener(e -> open(e.getItem()));
    grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
    Shortcuts.addShortcutListener(grid, () -> open(focused), Key.ENTER).listenOn(grid);
    grid.setSizeFull();
    bulkBar =
        new QueueBulkBar(
            grid,
            browser,
            bulk,
            labels,
            () -> new QueueBulkBar.Query(dataset.getId(), filter, sort),
            this::reload);
    add(title, filters, bulkBar, grid);
    setFlexGrow(1, grid);
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
    bulkBar.setClassCount(dataset.getNumClasses());
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
    bulkBar.counting();
    int generation = ++countGeneration;
    UI ui = UI.getCurrent();
    browser
        .countLater(id, f, s)
        .whenComplete((count, error) -> showCount(ui, generation, count, error));
    var window = new KeysetWindow((after, limit) -> browser.page(id, f, s, after, limit));
    grid.setItems(
        query -> withSnippets(window.fetch(query.getOffset(), query.getLimit())).stream());
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
              bulkBar.countFailed();
              return;
            }
            bulkBar.counted(count);
          });
    } catch (UIDetachedException closed) {
      // the page was closed before the count arrived: nobody to tell
    }
  }

  /** Texts and table rows (their CSV line) show as snippets; images as thumbnails. */
  private boolean isText() {
    return SampleLook.of(dataset.getKind()).asText();
  }

  /** Reads the page's text snippets in one query (texts, table rows), for the text column. */
  private List<QueueRow> withSnippets(List<QueueRow> page) {
    return snippets.read(page, QueueRow::sampleId, SampleLook.of(dataset.getKind()));
  }

  private void open(QueueRow row) {
    if (row != null) {
      UI.getCurrent()
          .navigate("review/" + dataset.getId(), ReviewView.sampleParameter(row.sampleIndex()));
    }
  }

  static void warn(String message) {
    notice(message, "queue-message", NotificationVariant.LUMO_WARNING, 6000);
  }

  /** A notification at the top whose text has {@code id}, for the browser tests to find. */
  static void notice(String message, String id, NotificationVariant variant, int millis) {
    var text = new Span(message);
    text.setId(id);
    var n = new Notification(text);
    n.setDuration(millis);
    n.setPosition(Notification.Position.TOP_CENTER);
    n.addThemeVariants(variant);
    n.open();
  }
}

package com.relabel.review.ui;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleTexts;
import com.relabel.dataset.TableSamples;
import com.relabel.review.QueueCounts;
import com.relabel.review.QueueItem;
import com.relabel.review.QueueUpdates;
import com.relabel.review.ReviewGuidelines;
import com.relabel.review.ReviewNotes;
import com.relabel.review.ReviewService;
import com.relabel.review.SampleInsights;
import com.relabel.review.SampleIssues;
import com.relabel.review.SampleState;
import com.relabel.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * One sample at a time, most suspicious first: what the review screen shows. The decisions live in
 * {@link ReviewFlow}, their buttons and keys in {@link DecisionControls}. {@code ?sample=<N>} opens
 * the dataset's sample #N (its sample index, the number the views, exports and API show) whatever
 * its status (decided samples read-only). Each key press or click decides the sample on screen when
 * it happened, or nothing ({@link ShownSample}).
 */
@Route("review/:datasetId")
@PageTitle("Review · Relabel")
@RolesAllowed({Roles.ADMIN, Roles.ANNOTATOR})
class ReviewView extends VerticalLayout implements BeforeEnterObserver, ReviewScreen {

  private final ReviewService review;
  private final QueueUpdates updates;
  private final QueueCounts counts;
  private final DatasetService datasets;
  private final SampleTexts texts;
  private final TableSamples tables;
  private final Paragraph reranked = new Paragraph();
  private Runnable unregister = () -> {};
  private final SamplePanel panel = new SamplePanel();
  private final H2 title = new H2();
  private final Paragraph empty = new Paragraph();
  private final VerticalLayout work = new VerticalLayout();
  private Dataset dataset;
  private List<String> classNames = List.of();
  private final ShownSample current = new ShownSample(this);
  private final Paragraph consensusState = new Paragraph();
  private final SampleContext context;
  private final DecidedNotice decidedNotice = new DecidedNotice(this::backToQueue);
  private final NextImagePrefetch nextImage = new NextImagePrefetch();
  private final LabelQuickPick quickPick = new LabelQuickPick();
  private final GuidelinesSheet guidelines;
  private final ReviewHeader header;
  private final ReviewFlow flow;
  private final DecisionControls controls;

  /** The sample on screen is decided already: shown read-only, no decision keys. */
  private boolean readOnly;

  /** The address still says {@code ?sample=}: cleared once the queue moves on. */
  private boolean sampleInAddress;

  ReviewView(
      ReviewService review,
      DatasetService datasets,
      QueueUpdates updates,
      QueueCounts counts,
      SampleInsights insights,
      SampleIssues issues,
      SampleTexts texts,
      TableSamples tables,
      ReviewGuidelines guidelines,
      ReviewNotes notes) {
    this.tables = tables;
    this.guidelines = new GuidelinesSheet(guidelines);
    this.texts = texts;
    this.review = review;
    this.datasets = datasets;
    this.updates = updates;
    this.counts = counts;
    this.context = new SampleContext(insights, issues, this::openSample);
    this.flow = new ReviewFlow(review, notes, this, quickPick);
    this.controls =
        new DecisionControls(
            new ReviewKeys(this, current), flow, this.guidelines::toggle, panel::nextZoomStep);
    reranked.setId("rerank-banner");
    reranked.setVisible(false);
    reranked
        .getStyle()
        .set("background", "var(--lumo-primary-color-10pct)")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
        .set("border-radius", "var(--lumo-border-radius-m)");
    empty.setId("queue-empty");
    empty.setVisible(false);
    work.setPadding(false);
    work.add(decidedNotice, panel, controls, nextImage);
    panel.add(context);
    panel.addAfterSuggestion(context.topClasses());
    panel.addFact(context.issueChips());
    var guidelinesButton = ReviewKeys.plainButton("Guidelines (G)", this.guidelines::toggle);
    guidelinesButton.setId("guidelines-button");
    header = new ReviewHeader(flow::showNext, guidelinesButton);
    consensusState.setId("consensus-state");
    consensusState.setVisible(false);
    add(title, reranked, header, consensusState, empty, work, this.guidelines);
    addDetachListener(e -> unregister.run());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    dataset = datasets.get(id);
    classNames = datasets.classNames(id);
    title.setText("Review · " + dataset.getName());
    context.showTextsWith(
        isText() ? ids -> texts.snippets(ids, SampleTextBox.SNIPPET_CHARS) : null);
    unregister.run();
    var ui = event.getUI();
    Runnable reranking =
        updates.register(id, completed -> ui.access(() -> reranked(completed.runId())));
    // the counts come after each decision, by push, counted once for every screen (decision 0049)
    Runnable counting = counts.register(id, progress -> ui.access(() -> header.show(progress)));
    unregister =
        () -> {
          reranking.run();
          counting.run();
        };
    header.forDataset(id, review.rankingMethods(id));
    guidelines.forDataset(id);
    panel.forDataset(id);
    quickPick.setClassNames(classNames);
    controls.setClassNames(classNames);
    refreshCounts();
    Optional<String> sample = event.getLocation().getQueryParameters().getSingleParameter("sample");
    sampleInAddress = false;
    if (sample.isPresent()) {
      flow.open(sample.get().trim());
      sampleInAddress = true;
    } else {
      flow.showNext();
    }
  }

  /**
   * The address of sample #{@code sampleIndex} of the dataset in the review view: the number is the
   * sample index, the one every view shows.
   */
  static QueryParameters sampleParameter(int sampleIndex) {
    return QueryParameters.of("sample", Integer.toString(sampleIndex));
  }

  /** Opens sample #{@code sampleIndex} through the URL, so that it can be bookmarked and shared. */
  private void openSample(int sampleIndex) {
    getUI().ifPresent(ui -> ui.navigate("review/" + dataset.getId(), sampleParameter(sampleIndex)));
  }

  private void backToQueue() {
    getUI().ifPresent(ui -> ui.navigate("review/" + dataset.getId()));
  }

  /**
   * A new run now ranks the queue: say so, and take the next sample from the new ranking. The
   * sample on screen stays until it is decided; decisions already made are kept.
   */
  private void reranked(long runId) {
    reranked.setText(
        "The queue was re-ranked by training run #"
            + runId
            + ". Your decisions are kept; the next samples come from the new ranking.");
    reranked.setVisible(true);
    header.methods(review.rankingMethods(dataset.getId()));
    flow.reranked();
  }

  @Override
  public long datasetId() {
    return dataset.getId();
  }

  @Override
  public String rankingMethod() {
    return header.rankingMethod();
  }

  @Override
  public boolean hasActiveRun() {
    return dataset.getActiveRunId() != null;
  }

  @Override
  public boolean isText() {
    return SampleLook.of(dataset.getKind()).asText();
  }

  @Override
  public QueueItem shown() {
    return current.item();
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public void show(QueueItem item, Long following) {
    current.set(item);
    SampleState state = context.state(item.sampleId());
    readOnly = !state.isOpen();
    work.setVisible(true);
    empty.setVisible(false);
    decidedNotice.setVisible(false);
    if (readOnly) {
      decidedNotice.show(state, classNames);
    }
    panel.show(item, classNames);
    if (SampleLook.of(dataset.getKind()).comparesColumns()) {
      int suggested = item.suggestedLabel() == null ? -1 : item.suggestedLabel();
      panel.showTable(
          tables.compare(item.sampleId(), item.currentLabel(), suggested),
          ClassNames.of(classNames, item.currentLabel()),
          suggested < 0 ? "–" : ClassNames.of(classNames, suggested));
    } else {
      panel.showText(isText() ? texts.text(item.sampleId()).orElse("") : null);
    }
    context.show(item, classNames);
    nextImage.prefetch(following);
  }

  @Override
  public void showNone(String why) {
    current.set(null);
    readOnly = false;
    work.setVisible(false);
    empty.setText(why);
    empty.setVisible(true);
  }

  /**
   * The database went away while the screen changed, after the reviewer's action was saved: what is
   * on screen may be half of one sample and half of the next, so no key or click may decide
   * anything on it until the page is loaded again.
   */
  @Override
  public void cannotShow(String saved) {
    showNone(
        (saved.isEmpty() ? "" : saved + " ")
            + "The next sample cannot be shown: the database cannot be reached. Reload the page"
            + " in a few seconds.");
  }

  @Override
  public void consensus(String text) {
    consensusState.setVisible(text != null);
    consensusState.setText(text == null ? "" : text);
  }

  @Override
  public void refreshCounts() {
    header.show(review.progress(dataset.getId()));
  }

  /**
   * Once the queue moves on, the address no longer names the sample that was opened. The counts
   * follow by push once the decision committed ({@link QueueCounts}), not read here per key press.
   */
  @Override
  public void queueMovesOn() {
    if (sampleInAddress) {
      sampleInAddress = false;
      getUI()
          .ifPresent(
              ui -> ui.getPage().getHistory().replaceState(null, "review/" + dataset.getId()));
    }
  }

  @Override
  public void refreshHistory(QueueItem item) {
    context.refreshHistory(item, classNames);
  }
}

package com.relabel.review.ui;

import com.relabel.base.ServerFault;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleTexts;
import com.relabel.review.Decision;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.QueueItem;
import com.relabel.review.QueueProgress;
import com.relabel.review.QueueUpdates;
import com.relabel.review.ReviewAction;
import com.relabel.review.ReviewGuidelines;
import com.relabel.review.ReviewNotes;
import com.relabel.review.ReviewService;
import com.relabel.review.SampleInsights;
import com.relabel.review.SampleState;
import com.relabel.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One sample at a time, most suspicious first. Keyboard first: Enter confirms, a digit corrects to
 * that class, L or / picks a class by name, X excludes, S skips, U undoes the last decision, F
 * flags the sample unsure (to the admins' disputes), C comments on it, ? shows the shortcuts; G
 * opens the dataset's guidelines and Z zooms the image, neither decides anything. {@code
 * ?sample=<N>} opens the dataset's sample #N (its sample index, the number the views, exports and
 * API show) whatever its status (decided samples read-only). Each key press or click decides the
 * sample on screen when it happened, or nothing ({@link ShownSample}).
 */
@Route("review/:datasetId")
@PageTitle("Review · Relabel")
@RolesAllowed({Roles.ADMIN, Roles.ANNOTATOR})
class ReviewView extends VerticalLayout implements BeforeEnterObserver {

  private final ReviewService review;
  private final QueueUpdates updates;
  private final Paragraph reranked = new Paragraph();
  private Runnable unregister = () -> {};
  private final DatasetService datasets;
  private final SampleTexts texts;
  private final Set<Long> skipped = new LinkedHashSet<>();
  private final SamplePanel panel;
  private final H2 title = new H2();
  private final Span openCount = stat("open-count");
  private final Span decidedCount = stat("decided-count");
  private final Span correctedCount = stat("corrected-count");
  private final Paragraph empty = new Paragraph();
  private final HorizontalLayout correctButtons = new HorizontalLayout();
  private final VerticalLayout work = new VerticalLayout();
  private Dataset dataset;
  private List<String> classNames = List.of();
  private final ShownSample current = new ShownSample(this);
  private final ReviewKeys keys = new ReviewKeys(this, current);
  private final Select<String> ranking = new Select<>();
  private QueueItem lastShown;
  private long lastVersion;
  private final Paragraph consensusState = new Paragraph();
  private final SampleContext context;
  private final DecidedNotice decidedNotice = new DecidedNotice(this::backToQueue);
  private final NotSavedBanner notSaved = new NotSavedBanner();
  private final NextImagePrefetch nextImage = new NextImagePrefetch();
  private final LabelQuickPick quickPick = new LabelQuickPick();
  private final RouterLink progressLink = new RouterLink();
  private final GuidelinesSheet guidelines;
  private final ReviewNotes notes;

  /** The sample on screen is decided already: shown read-only, no decision keys. */
  private boolean readOnly;

  /** The address still says {@code ?sample=}: cleared once the queue moves on. */
  private boolean sampleInAddress;

  ReviewView(
      ReviewService review,
      DatasetService datasets,
      QueueUpdates updates,
      SampleInsights insights,
      SampleTexts texts,
      ReviewGuidelines guidelines,
      ReviewNotes notes) {
    this.guidelines = new GuidelinesSheet(guidelines);
    this.notes = notes;
    this.texts = texts;
    this.review = review;
    this.datasets = datasets;
    this.updates = updates;
    this.context = new SampleContext(insights, this::openSample);
    reranked.setId("rerank-banner");
    reranked.setVisible(false);
    reranked
        .getStyle()
        .set("background", "var(--lumo-primary-color-10pct)")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
        .set("border-radius", "var(--lumo-border-radius-m)");
    this.panel = new SamplePanel();
    empty.setId("queue-empty");
    empty.setVisible(false);

    var confirm =
        keys.sampleButton("Confirm (Enter)", item -> decide(item, ReviewAction.CONFIRM, -1));
    confirm.setId("confirm-button");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    var exclude = keys.sampleButton("Exclude (X)", item -> decide(item, ReviewAction.EXCLUDE, -1));
    exclude.setId("exclude-button");
    exclude.addThemeVariants(ButtonVariant.LUMO_ERROR);
    var skip = keys.sampleButton("Skip (S)", this::skip);
    skip.setId("skip-button");
    var undo = new Button("Undo (U)", e -> undo());
    undo.setId("undo-button");
    var unsure = keys.sampleButton("Unsure (F)", this::unsure);
    unsure.setId("unsure-button");
    var comment = keys.sampleButton("Comment (C)", this::comment);
    comment.setId("comment-button");
    correctButtons.setId("correct-buttons");
    correctButtons.getStyle().set("flex-wrap", "wrap");

    var counters =
        new HorizontalLayout(
            labelled("Open", openCount),
            labelled("Decided", decidedCount),
            labelled("Corrected", correctedCount));
    work.setPadding(false);
    work.add(
        decidedNotice,
        panel,
        new HorizontalLayout(confirm, exclude, skip, undo, unsure, comment),
        new Span("Correct to (press the digit):"),
        correctButtons,
        new Paragraph(
            "Keys: Enter = confirm · 0-9 = correct to that class · L or / = pick a class by name"
                + " · X = exclude · S = skip · U = undo · F = unsure · C = comment"
                + " · G = guidelines · Z = zoom"
                + " · ? = all shortcuts"),
        nextImage);
    panel.add(context);
    ranking.setLabel("Rank by");
    ranking.setId("ranking-method");
    ranking.setWidth("14rem");
    ranking.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            showNext();
          }
        });
    progressLink.setText("Progress");
    progressLink.setId("progress-link");
    var guidelinesButton = ReviewKeys.plainButton("Guidelines (G)", this.guidelines::toggle);
    guidelinesButton.setId("guidelines-button");
    var header = new HorizontalLayout(counters, ranking, progressLink, guidelinesButton);
    header.setAlignItems(Alignment.END);
    consensusState.setId("consensus-state");
    consensusState.setVisible(false);
    add(title, reranked, header, consensusState, empty, work, this.guidelines);
    addDetachListener(e -> unregister.run());
    registerShortcuts();
  }

  private void registerShortcuts() {
    keys.onSampleKey(Key.ENTER, item -> decide(item, ReviewAction.CONFIRM, -1));
    keys.onSampleKey(Key.KEY_X, item -> decide(item, ReviewAction.EXCLUDE, -1));
    keys.onSampleKey(Key.KEY_S, this::skip);
    keys.onKey(Key.KEY_U, this::undo);
    keys.onSampleKey(Key.KEY_F, this::unsure);
    keys.onSampleKey(Key.KEY_C, this::comment);
    keys.onSampleKey(Key.KEY_L, this::openQuickPick);
    keys.onSampleKey(Key.of("/"), this::openQuickPick);
    keys.onKey(Key.of("?"), KeyboardHelp::open);
    // neither decides anything: they act whatever the screen shows
    keys.onKey(Key.KEY_G, guidelines::toggle);
    keys.onKey(Key.KEY_Z, panel::nextZoomStep);
    Key[] digits = {
      Key.DIGIT_0, Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4,
      Key.DIGIT_5, Key.DIGIT_6, Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9
    };
    Key[] numpad = {
      Key.NUMPAD_0, Key.NUMPAD_1, Key.NUMPAD_2, Key.NUMPAD_3, Key.NUMPAD_4,
      Key.NUMPAD_5, Key.NUMPAD_6, Key.NUMPAD_7, Key.NUMPAD_8, Key.NUMPAD_9
    };
    for (int k = 0; k < 10; k++) {
      int label = k;
      keys.onSampleKey(digits[k], item -> correctByKey(item, label));
      keys.onSampleKey(numpad[k], item -> correctByKey(item, label));
    }
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
    unregister = updates.register(id, completed -> ui.access(() -> reranked(completed.runId())));
    ranking.setItems(review.rankingMethods(id));
    ranking.setValue(ReviewService.ENSEMBLE);
    progressLink.setRoute(ProgressView.class, ProgressView.parameters(id));
    guidelines.forDataset(id);
    panel.forDataset(id);
    quickPick.setClassNames(classNames);
    correctButtons.removeAll();
    for (int k = 0; k < classNames.size(); k++) {
      int label = k;
      var b =
          keys.sampleButton(classNames.get(k), item -> decide(item, ReviewAction.CORRECT, label));
      b.setId("correct-" + k);
      correctButtons.add(b);
    }
    Optional<String> sample = event.getLocation().getQueryParameters().getSingleParameter("sample");
    sampleInAddress = false;
    if (sample.isPresent()) {
      showSample(sample.get().trim());
      sampleInAddress = true;
    } else {
      showNext();
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
   * Shows sample #{@code number} of {@code ?sample=}: with the decision keys when open, else
   * read-only. An unknown number says so and shows the queue.
   */
  private void showSample(String number) {
    Optional<Long> sampleId = Optional.empty();
    try {
      sampleId = review.sampleIdAt(dataset.getId(), Integer.parseInt(number));
    } catch (NumberFormatException e) {
      // not a sample number: no such sample
    }
    if (sampleId.isEmpty()) {
      warn("No sample #" + number + " in this dataset; here is the queue.");
      showNext();
      return;
    }
    Optional<QueueItem> item = review.item(dataset.getId(), sampleId.get());
    if (item.isEmpty()) {
      warn("Sample #" + number + " is not in this dataset's active run; here is the queue.");
      showNext();
      return;
    }
    refreshCounts();
    show(item.get());
  }

  /** Puts {@code item} on screen with its context, and pre-loads the image of the one after. */
  private void show(QueueItem item) {
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
    panel.showText(isText() ? texts.text(item.sampleId()).orElse("") : null);
    context.show(item, classNames);
    Set<Long> after = new LinkedHashSet<>(skipped);
    after.add(item.sampleId());
    // a peek, not next(): the lease stays on the sample on screen
    nextImage.prefetch(
        isText() ? null : review.peek(dataset.getId(), after, ranking.getValue()).orElse(null));
  }

  private boolean isText() {
    return dataset.getKind() == DatasetKind.TEXT;
  }

  private void openQuickPick(QueueItem item) {
    if (!readOnly) {
      // the class picked corrects the sample the quick-pick was opened on, if still on screen
      quickPick.open(label -> decide(item, ReviewAction.CORRECT, label));
    }
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
    ranking.setItems(review.rankingMethods(dataset.getId()));
    ranking.setValue(ReviewService.ENSEMBLE);
    if (current.item() == null) {
      showNext();
    } else {
      refreshCounts();
    }
  }

  private void correctByKey(QueueItem item, int label) {
    if (label < classNames.size()) {
      decide(item, ReviewAction.CORRECT, label);
    }
  }

  /** Decides {@code item} if it is still the sample on screen (it was when the reviewer acted). */
  private void decide(QueueItem item, ReviewAction action, int label) {
    if (item != current.item()) {
      return;
    }
    if (readOnly) {
      warn("This sample is already decided; it is shown read-only.");
      return;
    }
    String saved = "";
    try {
      Decision decision = review.record(item, action, label);
      lastVersion = decision.sample().getVersion();
      lastShown = item;
      // consensus review: say what the vote did ("your vote 1 of 2 recorded", a dispute)
      consensusState.setVisible(decision.outcome() != Decision.Outcome.DECIDED);
      consensusState.setText(decision.describe());
      saved = "Your decision on sample #" + item.sampleIndex() + " was saved.";
    } catch (DecisionConflictException e) {
      warn(e.getMessage());
    } catch (RuntimeException e) {
      if (!ServerFault.databaseUnreachable(e)) {
        throw e;
      }
      notSaved.decisionRefused(item);
      return; // the same sample stays on screen, to be decided again
    }
    notSaved.close();
    showNextOrSayWhy(saved);
  }

  /** U: takes the last decision back and shows that sample again. */
  private void undo() {
    if (lastShown == null) {
      warn("Nothing to undo.");
      return;
    }
    QueueItem shown = lastShown;
    try {
      review.undo(shown, lastVersion);
    } catch (DecisionConflictException e) {
      lastShown = null;
      warn(e.getMessage());
      showNextOrSayWhy("");
      return;
    } catch (RuntimeException e) {
      if (!ServerFault.databaseUnreachable(e)) {
        throw e;
      }
      notSaved.undoRefused(shown); // the decision stands, and U can undo it later
      return;
    }
    lastShown = null;
    notSaved.close();
    skipped.remove(shown.sampleId());
    try {
      Optional<QueueItem> again = review.item(dataset.getId(), shown.sampleId());
      refreshCounts();
      again.ifPresent(this::show);
    } catch (RuntimeException e) {
      if (!ServerFault.databaseUnreachable(e)) {
        throw e;
      }
      cannotShow("Your decision on sample #" + shown.sampleIndex() + " was undone.");
    }
  }

  /** F: the reviewer is unsure; the sample goes to the admins' disputes, and the queue moves on. */
  private void unsure(QueueItem item) {
    if (item != current.item()) {
      return;
    }
    if (readOnly) {
      warn("This sample is already decided; it is shown read-only.");
      return;
    }
    try {
      notes.flagUnsure(item);
      lastShown = null; // an unsure is an admin's to settle, not undone with U
      consensusState.setVisible(true);
      consensusState.setText(
          "Sample #" + item.sampleIndex() + " went to the admins' disputes as unsure.");
    } catch (DecisionConflictException e) {
      warn(e.getMessage());
    }
    showNext();
  }

  /** C: a comment on the sample on screen, kept in its history and the audit trail. */
  private void comment(QueueItem item) {
    CommentDialog.open(
        item.sampleIndex(),
        text -> {
          try {
            notes.comment(item.sampleId(), text);
          } catch (IllegalArgumentException e) {
            warn("Comment not saved: " + e.getMessage() + ".");
            return;
          }
          if (item == current.item()) {
            context.refreshHistory(item, classNames);
          }
        });
  }

  private static void warn(String message) {
    var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
    n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    n.setId("review-message");
  }

  /**
   * S: gives the sample on screen up to others and shows the next one. The lease is released and
   * the next sample taken before anything on screen changes, so that while the database cannot be
   * reached the sample stays, still leased and not skipped, and the banner says so, as for Enter.
   */
  private void skip(QueueItem item) {
    Set<Long> after = new LinkedHashSet<>(skipped);
    after.add(item.sampleId());
    QueueItem next;
    try {
      review.release(item); // someone else may take it now
      next = review.next(dataset.getId(), after, ranking.getValue()).orElse(null);
    } catch (RuntimeException e) {
      if (!ServerFault.databaseUnreachable(e)) {
        throw e;
      }
      notSaved.skipRefused(item);
      return;
    }
    skipped.add(item.sampleId());
    notSaved.close();
    try {
      showNext(next);
    } catch (RuntimeException e) {
      if (!ServerFault.databaseUnreachable(e)) {
        throw e;
      }
      cannotShow("Sample #" + item.sampleIndex() + " was skipped.");
    }
  }

  private void refreshCounts() {
    QueueProgress progress = review.progress(dataset.getId());
    openCount.setText(String.format("%,d", progress.open()));
    decidedCount.setText(String.format("%,d", progress.decided()));
    correctedCount.setText(String.format("%,d", progress.corrected()));
  }

  private void showNext() {
    showNext(review.next(dataset.getId(), skipped, ranking.getValue()).orElse(null));
  }

  /** Shows {@code next}, the sample {@link ReviewService#next} leased, or why there is none. */
  private void showNext(QueueItem next) {
    refreshCounts();
    readOnly = false;
    clearSampleParameter();
    work.setVisible(next != null);
    empty.setVisible(next == null);
    if (next == null) {
      current.set(null);
      empty.setText(
          dataset.getActiveRunId() == null
              ? "No scores yet: the first training run is still going. Come back in a minute."
              : skipped.isEmpty()
                  ? "Nothing left to review. Well done."
                  : "Only skipped samples are left. Reload the page to see them again.");
      return;
    }
    show(next);
  }

  /**
   * After an action that was saved: shows the next sample, or, when the database went away in the
   * meantime, says that {@code saved} and that nothing can be shown now.
   */
  private void showNextOrSayWhy(String saved) {
    try {
      showNext();
    } catch (RuntimeException e) {
      if (!ServerFault.databaseUnreachable(e)) {
        throw e;
      }
      cannotShow(saved);
    }
  }

  /**
   * The database went away while the screen changed, after the reviewer's action was saved: what is
   * on screen may be half of one sample and half of the next, so no key or click may decide
   * anything on it until the page is loaded again.
   */
  private void cannotShow(String saved) {
    current.set(null);
    work.setVisible(false);
    empty.setText(
        (saved.isEmpty() ? "" : saved + " ")
            + "The next sample cannot be shown: the database cannot be reached. Reload the page"
            + " in a few seconds.");
    empty.setVisible(true);
  }

  /** Once the queue moves on, the address no longer names the sample that was opened. */
  private void clearSampleParameter() {
    if (sampleInAddress) {
      sampleInAddress = false;
      getUI()
          .ifPresent(
              ui -> ui.getPage().getHistory().replaceState(null, "review/" + dataset.getId()));
    }
  }

  private static Span stat(String id) {
    var s = new Span();
    s.setId(id);
    s.addClassName("stat");
    return s;
  }

  private static Div labelled(String caption, Span value) {
    var c = new Span(caption);
    c.addClassName("label-caption");
    var d = new Div(value, new Div(c));
    d.getStyle().set("margin-right", "2em");
    return d;
  }
}

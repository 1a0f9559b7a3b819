package com.relabel.review.ui;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.SampleStatus;
import com.relabel.dataset.SampleTexts;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.Dispute;
import com.relabel.review.Disputes;
import com.relabel.review.PastDecision;
import com.relabel.review.ReviewAction;
import com.relabel.review.SampleInsights;
import com.relabel.review.Vote;
import com.relabel.security.Roles;
import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The admins' disputes queue: each disputed sample (votes that disagree, or a reviewer unsure) with
 * its image, its label, the reviewers' votes, who was unsure and the comments; one click on a
 * vote's outcome, on Confirm, Exclude or a class to correct to decides it for good. The list is a
 * lazy grid: it loads the cards it shows, in keyset pages ({@link DisputeWindow}), so any number of
 * disputes can be worked through.
 */
@Route("disputes/:datasetId")
@PageTitle("Disputes · Relabel")
@RolesAllowed(Roles.ADMIN)
class DisputesView extends VerticalLayout implements BeforeEnterObserver {

  private static final int PAGE = 50;

  private final Disputes disputes;
  private final DatasetService datasets;
  private final H2 title = new H2();
  private final Paragraph summary = new Paragraph();
  private Grid<Dispute> list = newList();
  private Dataset dataset;
  private List<String> classNames = List.of();

  private final PageSnippets snippets;

  private final SampleInsights insights;

  DisputesView(
      Disputes disputes, DatasetService datasets, SampleTexts texts, SampleInsights insights) {
    this.insights = insights;
    this.snippets = new PageSnippets(texts, 400);
    this.disputes = disputes;
    this.datasets = datasets;
    setSizeFull();
    summary.setId("disputes-summary");
    add(title, summary, list);
    setFlexGrow(1, list);
  }

  private Grid<Dispute> newList() {
    var grid = new Grid<Dispute>();
    grid.setId("disputes-list");
    grid.addColumn(new ComponentRenderer<>(this::card)).setHeader("Disputed sample");
    grid.setSelectionMode(Grid.SelectionMode.NONE);
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setPageSize(PAGE);
    grid.setSizeFull();
    return grid;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    dataset = datasets.get(id);
    classNames = datasets.classNames(id);
    title.setText("Disputes · " + dataset.getName());
    refresh();
  }

  /** Counts again and restarts the lazy list from the first dispute. */
  private void refresh() {
    long id = dataset.getId();
    long count = disputes.count(id);
    summary.setText(
        count == 0
            ? "No disputed samples: the reviewers agree so far."
            : count
                + " disputed "
                + (count == 1 ? "sample" : "samples")
                + ". Click the outcome that is right; it is final.");
    // a fresh grid: the old one's cards (a resolved sample's among them) leave the page with it
    var fresh = newList();
    replace(list, fresh);
    setFlexGrow(1, fresh);
    list = fresh;
    var window = new DisputeWindow((after, limit) -> disputes.list(id, after, limit));
    list.setItems(
        query -> withSnippets(window.fetch(query.getOffset(), query.getLimit())).stream(),
        query -> (int) Math.min(disputes.count(id), Integer.MAX_VALUE));
  }

  /** Reads the page's text snippets in one query (texts, table rows), for the cards. */
  private List<Dispute> withSnippets(List<Dispute> page) {
    return snippets.read(page, Dispute::sampleId, SampleLook.of(dataset.getKind()));
  }

  private Div card(Dispute d) {
    var card = new Div();
    card.setId("dispute-" + d.sampleIndex());
    card.addClassName("dispute");
    card.getStyle()
        .set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("border-radius", "8px")
        .set("padding", "var(--lumo-space-s)");
    HtmlComponent image = SampleLook.of(dataset.getKind()).asText() ? textOf(d) : thumbnail(d);
    var facts = new VerticalLayout();
    facts.setSpacing(false);
    facts.setPadding(false);
    facts.add(
        new Span(
            "Sample #"
                + d.sampleIndex()
                + " · label "
                + name(d.currentLabel())
                + " · "
                + SampleStatus.DISPUTED.name()));
    var votes = new VerticalLayout();
    votes.setSpacing(false);
    votes.setPadding(false);
    votes.addClassName("dispute-votes");
    for (Vote v : d.votes()) {
      votes.add(new Span(v.voter() + ": " + outcome(v.choice(), v.label())));
    }
    // who was unsure, and the comments, as plain text
    for (PastDecision p : insights.history(d.sampleId())) {
      if (p.action().equals(ReviewAction.UNSURE.name())) {
        votes.add(new Span(p.actor() + ": unsure"));
      } else if (p.note() != null) {
        votes.add(new Span(p.actor() + ": “" + p.note() + "”"));
      }
    }
    facts.add(votes);
    var actions = new HorizontalLayout();
    actions.getStyle().set("flex-wrap", "wrap");
    // one button per distinct outcome voted for, then exclude
    Map<String, Vote> outcomes = new LinkedHashMap<>();
    d.votes().forEach(v -> outcomes.putIfAbsent(v.choice() + ":" + v.label(), v));
    int k = 0;
    for (Vote v : outcomes.values()) {
      var b = new Button(outcome(v.choice(), v.label()), e -> resolve(d, v.choice(), v.label()));
      b.setId("resolve-" + d.sampleIndex() + "-" + k++);
      b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      actions.add(b);
    }
    if (outcomes.values().stream().noneMatch(v -> v.choice() == ReviewAction.CONFIRM)) {
      var confirm =
          new Button(
              outcome(ReviewAction.CONFIRM, d.currentLabel()),
              e -> resolve(d, ReviewAction.CONFIRM, -1));
      confirm.setId("resolve-" + d.sampleIndex() + "-confirm");
      confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
      actions.add(confirm);
    }
    var correct = new Select<Integer>();
    correct.setPlaceholder("Correct to…");
    correct.setId("resolve-" + d.sampleIndex() + "-correct");
    correct.setItems(IntStream.range(0, classNames.size()).boxed().toList());
    correct.setItemLabelGenerator(this::name);
    correct.setWidth("10rem");
    correct.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            resolve(d, ReviewAction.CORRECT, e.getValue());
          }
        });
    actions.add(correct);
    if (outcomes.values().stream().noneMatch(v -> v.choice() == ReviewAction.EXCLUDE)) {
      var exclude = new Button("Exclude", e -> resolve(d, ReviewAction.EXCLUDE, -1));
      exclude.setId("resolve-" + d.sampleIndex() + "-exclude");
      exclude.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
      actions.add(exclude);
    }
    facts.add(actions);
    card.add(new HorizontalLayout(image, facts));
    return card;
  }

  private static Image thumbnail(Dispute d) {
    var image = new Image("images/samples/" + d.sampleId() + ".png", "Sample " + d.sampleIndex());
    image.setWidth("96px");
    image.setHeight("96px");
    image.getStyle().set("image-rendering", "pixelated").set("object-fit", "contain");
    return image;
  }

  /** The text of a text sample (its first 400 characters), scrollable. */
  private SampleTextBox textOf(Dispute d) {
    var text = SampleTextBox.full();
    text.addClassName("dispute-text");
    text.show(snippets.of(d.sampleId()));
    return text;
  }

  private void resolve(Dispute d, ReviewAction choice, int label) {
    try {
      disputes.resolve(d.sampleId(), d.version(), choice, label);
      Notification.show(
              "Sample #" + d.sampleIndex() + " decided.", 3000, Notification.Position.BOTTOM_START)
          .setId("dispute-resolved");
    } catch (DecisionConflictException e) {
      var n = Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER);
      n.addThemeVariants(NotificationVariant.LUMO_WARNING);
      n.setId("review-message");
    }
    refresh();
  }

  private String outcome(ReviewAction choice, int label) {
    return switch (choice) {
      case CONFIRM -> "confirm " + name(label);
      case CORRECT -> "correct to " + name(label);
      case EXCLUDE -> "exclude";
      default -> choice.name().toLowerCase();
    };
  }

  private String name(int label) {
    return label >= 0 && label < classNames.size()
        ? classNames.get(label)
        : Integer.toString(label);
  }
}

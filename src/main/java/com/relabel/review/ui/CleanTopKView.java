package com.relabel.review.ui;

import com.relabel.dataset.DatasetService;
import com.relabel.review.BulkResult;
import com.relabel.review.CleanCandidate;
import com.relabel.review.CleanPreview;
import com.relabel.review.CleanTopK;
import com.relabel.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Clean top K (admins): accept the suggested label of every open sample whose ensemble score and
 * suggestion probability reach the thresholds set here. Preview first (how many, and the first
 * {@value #SHOWN}), then one confirmation; each change is audited as the admin's decision.
 */
@Route("clean/:datasetId")
@PageTitle("Clean top K · Relabel")
@RolesAllowed(Roles.ADMIN)
class CleanTopKView extends VerticalLayout implements BeforeEnterObserver {

  static final int SHOWN = 10;

  private final CleanTopK clean;
  private final DatasetService datasets;
  private final H2 title = new H2();
  private final NumberField minScore = new NumberField("Min. ensemble score");
  private final NumberField minProbability = new NumberField("Min. suggestion probability");
  private final Paragraph summary = new Paragraph();
  private final Grid<CleanCandidate> preview = new Grid<>();
  private final Button apply = new Button("Accept the suggestions…");
  private long datasetId;
  private List<String> classNames = List.of();
  private Registration applyClick = () -> {};

  CleanTopKView(CleanTopK clean, DatasetService datasets) {
    this.clean = clean;
    this.datasets = datasets;
    minScore.setId("clean-min-score");
    minScore.setValue(0.95);
    minScore.setWidth("14rem");
    minProbability.setId("clean-min-probability");
    minProbability.setValue(0.9);
    minProbability.setMin(0);
    minProbability.setMax(1);
    minProbability.setWidth("14rem");
    var show = new Button("Preview", e -> showPreview());
    show.setId("clean-preview-button");
    var fields = new HorizontalLayout(minScore, minProbability, show);
    fields.setAlignItems(Alignment.BASELINE);
    fields.getStyle().set("flex-wrap", "wrap");
    summary.setId("clean-summary");
    preview.setId("clean-preview");
    preview.addColumn(CleanCandidate::sampleIndex).setHeader("Sample").setAutoWidth(true);
    preview.addColumn(c -> ClassNames.of(classNames, c.currentLabel())).setHeader("Given");
    preview.addColumn(c -> ClassNames.of(classNames, c.suggestedLabel())).setHeader("Suggested");
    preview.addColumn(c -> String.format("%.4f", c.score())).setHeader("Score");
    preview.addColumn(c -> String.format("%.2f", c.probability())).setHeader("p");
    preview.setAllRowsVisible(true);
    preview.setVisible(false);
    apply.setId("clean-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.setEnabled(false);
    add(
        title,
        new Paragraph(
            "Accepts the model's suggested label for every open sample at or above both"
                + " thresholds whose suggestion differs from its label. Preview first."),
        fields,
        summary,
        preview,
        apply);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    datasetId = event.getRouteParameters().getLong("datasetId").orElse(-1L);
    title.setText("Clean top K · " + datasets.get(datasetId).getName());
    classNames = datasets.classNames(datasetId);
  }

  private void showPreview() {
    if (minScore.getValue() == null || minProbability.getValue() == null) {
      summary.setText("Set both thresholds first.");
      return;
    }
    double score = minScore.getValue();
    double probability = minProbability.getValue();
    CleanPreview p;
    try {
      p = clean.preview(datasetId, score, probability, SHOWN);
    } catch (IllegalArgumentException e) {
      summary.setText("Not previewed: " + e.getMessage() + ".");
      return;
    }
    summary.setText(
        String.format(
            "%,d open sample%s would get their suggested label%s.",
            p.count(),
            p.count() == 1 ? "" : "s",
            p.count() > SHOWN ? "; the " + SHOWN + " most suspicious" : ""));
    preview.setItems(p.first());
    preview.setVisible(p.count() > 0);
    apply.setEnabled(p.count() > 0);
    apply.setText(String.format("Correct %,d sample%s…", p.count(), p.count() == 1 ? "" : "s"));
    // the button applies the thresholds of the preview it shows, not what the fields say later
    applyClick.remove();
    applyClick = apply.addClickListener(e -> confirm(score, probability, p.count()));
  }

  private void confirm(double score, double probability, long count) {
    String question =
        String.format(
            "Correct %,d sample%s to their suggested labels?", count, count == 1 ? "" : "s");
    BulkConfirmDialog.ask(
        question,
        () -> {
          BulkResult done = clean.apply(datasetId, score, probability);
          Notification.show(
                  String.format(
                      "%,d corrected to their suggested label; %,d left alone (decided or changed"
                          + " meanwhile).",
                      done.applied(), done.skipped()),
                  6000,
                  Notification.Position.TOP_CENTER)
              .setId("clean-result");
          showPreview();
        });
  }
}

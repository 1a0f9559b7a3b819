package com.relabel.workspace.ui;

import com.relabel.review.Guidelines;
import com.relabel.review.ReviewGuidelines;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where an admin writes a dataset's review guidelines: a dialog from the dataset's card with the
 * text (plain text or Markdown), a preview rendered as reviewers will see it, and who changed the
 * guidelines when. The server checks the role again on every save ({@link ReviewGuidelines}).
 */
@SpringComponent
class GuidelinesEditor {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final ReviewGuidelines guidelines;

  GuidelinesEditor(ReviewGuidelines guidelines) {
    this.guidelines = guidelines;
  }

  /** The card's "Guidelines" button for one dataset (shown to admins only). */
  Button button(long datasetId) {
    var button = new Button("Guidelines", e -> open(datasetId));
    button.setId("guidelines-" + datasetId);
    button.setTooltipText("Instructions reviewers open with G on the review screen");
    return button;
  }

  private void open(long datasetId) {
    var text = new TextArea("Guidelines (plain text or Markdown)");
    text.setId("guidelines-editor");
    text.setWidthFull();
    text.setMinHeight("12rem");
    text.setMaxHeight("40vh");
    text.setMaxLength(ReviewGuidelines.MAX_LENGTH);
    text.setValueChangeMode(ValueChangeMode.LAZY);
    text.setHelperText("Reviewers open them with G on the review screen. HTML is not run.");
    text.setValue(guidelines.current(datasetId).map(Guidelines::text).orElse(""));
    var preview = new Markdown(text.getValue());
    preview.setId("guidelines-preview");
    var previewBox = new Div(new Span("Preview"), preview);
    previewBox.addClassName("guidelines-preview");
    text.addValueChangeListener(e -> preview.setContent(e.getValue()));
    var changes = new Div();
    changes.setId("guidelines-history");
    showHistory(changes, guidelines.history(datasetId));

    var dialog = new Dialog(text, previewBox, changes);
    dialog.setId("guidelines-dialog");
    dialog.setHeaderTitle("Review guidelines");
    dialog.setWidth("min(48rem, 94vw)");
    var save =
        new Button(
            "Save",
            e -> {
              try {
                guidelines.save(datasetId, text.getValue());
                dialog.close();
                Notification.show("Guidelines saved.", 4000, Notification.Position.BOTTOM_START)
                    .setId("guidelines-saved");
              } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
              }
            });
    save.setId("guidelines-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new HorizontalLayout(new Button("Cancel", e -> dialog.close()), save));
    dialog.open();
  }

  private static void showHistory(Div box, List<Guidelines> history) {
    if (history.isEmpty()) {
      box.add(new Paragraph("Not written yet."));
      return;
    }
    var list = new UnorderedList();
    for (Guidelines g : history.subList(0, Math.min(10, history.size()))) {
      list.add(
          new ListItem(
              TIME.format(g.changedAt())
                  + " · "
                  + g.changedBy()
                  + (g.text().isEmpty()
                      ? " · cleared"
                      : String.format(" · %,d characters", g.text().length()))));
    }
    box.add(new Span("Changes (newest first, " + history.size() + " in all)"), list);
  }
}

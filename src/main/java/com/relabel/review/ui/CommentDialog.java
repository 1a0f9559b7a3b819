package com.relabel.review.ui;

import com.relabel.review.ReviewNotes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * A short comment on the sample on screen (C): kept as its own row of the audit trail and shown in
 * the sample's history, as plain text. Save, or Escape to leave it.
 */
final class CommentDialog {
  private CommentDialog() {}

  /** Opens the dialog; {@code save} gets the text when the reviewer saves it. */
  static void open(int sampleIndex, Consumer<String> save) {
    var text = new TextArea("Comment on sample #" + sampleIndex);
    text.setId("comment-text");
    text.setMaxLength(ReviewNotes.MAX_COMMENT);
    text.setWidthFull();
    text.setHelperText("Kept in the sample's history and the audit trail.");
    // typed letters and digits are the comment here, not the review view's shortcuts
    text.getElement()
        .executeJs(
            "this.addEventListener('keydown', e => { if (e.key !== 'Escape') e.stopPropagation(); })");
    var dialog = new Dialog(text);
    dialog.setId("comment-dialog");
    dialog.setHeaderTitle("Comment");
    dialog.setWidth("min(30rem, 92vw)");
    var saveButton =
        new Button(
            "Save comment",
            e -> {
              dialog.close();
              save.accept(text.getValue());
            });
    saveButton.setId("comment-save");
    saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel (Esc)", e -> dialog.close()), saveButton);
    dialog.open();
    text.focus();
  }
}

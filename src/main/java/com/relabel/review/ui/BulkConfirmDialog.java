package com.relabel.review.ui;

import com.relabel.review.ReviewAction;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before a bulk decision, saying how many samples it touches. */
final class BulkConfirmDialog {

  private BulkConfirmDialog() {}

  /** "Exclude 1,234 samples?", "Confirm 1 sample?", "Correct 12 samples to 3?". */
  static String question(ReviewAction action, String label, long count) {
    String samples = String.format("%,d sample%s", count, count == 1 ? "" : "s");
    return switch (action) {
      case CONFIRM -> "Confirm " + samples + "?";
      case EXCLUDE -> "Exclude " + samples + "?";
      case CORRECT -> "Correct " + samples + " to " + label + "?";
      case UNDO -> throw new IllegalArgumentException("a bulk decision cannot undo");
    };
  }

  static void ask(String question, Runnable onConfirm) {
    var dialog = new ConfirmDialog();
    dialog.setId("bulk-dialog");
    dialog.setHeader("Bulk decision");
    var text =
        new Paragraph(
            question
                + " Only open samples change; a sample someone decides meanwhile is left as it"
                + " is. Every change is written to the audit trail.");
    text.setId("bulk-question");
    dialog.setText(text);
    dialog.setCancelable(true);
    var ok =
        new Button(
            question.substring(0, question.indexOf(' ')),
            e -> {
              dialog.close();
              onConfirm.run();
            });
    ok.setId("bulk-dialog-confirm");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.setConfirmButton(ok);
    dialog.open();
  }
}

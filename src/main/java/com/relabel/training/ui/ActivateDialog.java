package com.relabel.training.ui;

import com.relabel.training.TakeOver;
import com.relabel.training.TrainingRun;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Asks before an admin makes a run rank the queue by hand, showing both runs' measures side by side
 * (held-out accuracy, agreement with the reviewers' corrections both scored, estimated errors,
 * expected yield) and why the run was held back, if it was (decision 0026).
 */
final class ActivateDialog {

  private ActivateDialog() {}

  static void ask(TrainingRun run, TrainingRun ranking, TakeOver measures, Runnable onConfirm) {
    var dialog = new ConfirmDialog();
    dialog.setId("activate-dialog");
    var header = new H3("Make run #" + run.getId() + " rank the queue?");
    header.getStyle().set("margin", "0");
    dialog.setHeader(header);
    var body = new Div();
    if (ranking == null) {
      body.add(new Paragraph("No run ranks the queue now."));
    } else {
      var table = new Div();
      table.setId("activate-measures");
      table
          .getStyle()
          .set("display", "grid")
          .set("grid-template-columns", "auto auto auto")
          .set("gap", "0.2rem 1.2rem")
          .set("font-variant-numeric", "tabular-nums");
      cells(table, true, "", "Run #" + run.getId(), "Active run #" + ranking.getId());
      cells(
          table,
          false,
          "Held-out accuracy",
          measures.candidateHeldOutText(),
          measures.activeHeldOutText());
      cells(
          table,
          false,
          "Corrections agreed",
          measures.candidateAgreedText(),
          measures.activeAgreedText());
      cells(table, false, "Errors (est.)", errors(run), errors(ranking));
      cells(
          table,
          false,
          "Expected in top 100 / 1,000",
          orDash(RunTexts.expectedYield(run)),
          orDash(RunTexts.expectedYield(ranking)));
      body.add(table);
      body.add(
          new Paragraph(
              "Corrections agreed: of the samples reviewers corrected after both runs read their"
                  + " labels, how many each run suggests the corrected label for."));
    }
    if (run.getHeldBackReason() != null) {
      var why = new Paragraph("Held back when it finished: " + run.getHeldBackReason() + ".");
      why.setId("activate-held-back");
      body.add(why);
    }
    body.add(
        new Paragraph(
            "The open review queues take their next samples from run #"
                + run.getId()
                + "'s ranking at once."));
    dialog.setText(body);
    dialog.setCancelable(true);
    var ok =
        new Button(
            "Activate run #" + run.getId(),
            e -> {
              dialog.close();
              onConfirm.run();
            });
    ok.setId("activate-confirm");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.setConfirmButton(ok);
    dialog.open();
  }

  private static void cells(Div table, boolean head, String... texts) {
    for (String text : texts) {
      var cell = new Span(text);
      if (head) {
        cell.getStyle().set("font-weight", "600");
      }
      table.add(cell);
    }
  }

  private static String errors(TrainingRun run) {
    return run.getEstimatedErrors() == null ? "–" : "%,d".formatted(run.getEstimatedErrors());
  }

  private static String orDash(String text) {
    return text.isEmpty() ? "–" : text;
  }
}

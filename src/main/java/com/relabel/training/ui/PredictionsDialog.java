package com.relabel.training.ui;

import com.relabel.base.UploadedFile;
import com.relabel.security.CurrentUser;
import com.relabel.training.PredictionsImport;
import com.relabel.training.TrainingRun;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Admins score a dataset from their own model's predictions: upload a CSV or JSONL file of class
 * probabilities (and optionally embeddings); it becomes a run that ranks the queue at once.
 */
class PredictionsDialog extends Dialog {

  private final PredictionsImport predictions;
  private final long datasetId;
  private final Consumer<TrainingRun> onImported;
  private final Span error = new Span();
  private final Button submit = new Button("Score from these predictions");
  private final UploadedFile file = new UploadedFile();
  private final Upload upload;

  PredictionsDialog(
      PredictionsImport predictions, long datasetId, Consumer<TrainingRun> onImported) {
    this.predictions = predictions;
    this.datasetId = datasetId;
    this.onImported = onImported;
    setHeaderTitle("Import predictions");
    setWidth("40em");
    upload = UploadedFile.singleFileUpload(this, "predictions-upload", this::uploaded);
    error.setId("predictions-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    submit.setId("predictions-submit");
    submit.setEnabled(false);
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickListener(e -> submit());
    add(
        new Paragraph(
            "Probabilities from your own model, for every sample that is not excluded. CSV: a"
                + " header sample_index, one column per class in the dataset's class order, then"
                + " optionally emb_0, emb_1, … for an embedding. JSON Lines: {\"sample_index\": 0,"
                + " \"probabilities\": […], \"embedding\": […]} per line. Out-of-sample"
                + " probabilities (e.g. from cross-validation) find errors best."),
        upload,
        error);
    getFooter().add(new Button("Cancel", e -> close()), submit);
    file.deleteWhenClosed(this);
  }

  /** A file arrived (in this dialog's UI). */
  void uploaded(Path named) {
    file.replace(named);
    submit.setEnabled(true);
  }

  /**
   * Imports the uploaded file; it is deleted whatever the outcome, so a refused one is sent again.
   */
  void submit() {
    error.setText("");
    if (file.get() == null) {
      error.setText("Choose the predictions file first.");
      return;
    }
    try {
      TrainingRun run = predictions.importFile(datasetId, file.get(), CurrentUser.username());
      close();
      onImported.accept(run);
    } catch (IOException | IllegalStateException e) {
      error.setText(e.getMessage() + ". Nothing was imported.");
    } finally {
      // the button keeps its state (and the focus, so Escape still closes the dialog); without a
      // file it says to choose one
      file.delete();
      upload.clearFileList();
    }
  }

  /** The message shown in the dialog (empty when there is none). */
  String error() {
    return error.getText();
  }
}

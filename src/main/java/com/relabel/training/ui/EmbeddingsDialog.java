package com.relabel.training.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.EmbeddingsImport;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Admins attach their own model's vectors to every sample of a dataset (decision 0044) and choose
 * whether runs learn from them: with a file, Save attaches it (all or nothing); without one, Save
 * only changes the choice for vectors attached before.
 */
class EmbeddingsDialog extends Dialog {

  private final EmbeddingsImport embeddings;
  private final Dataset dataset;
  private final Runnable onSaved;
  private final Span error = new Span();
  private final Span received = new Span();
  private final Checkbox train = new Checkbox("Runs learn from these vectors (features: own)");
  private final UploadedFile file = new UploadedFile();
  private final Upload upload;

  EmbeddingsDialog(EmbeddingsImport embeddings, Dataset dataset, Runnable onSaved) {
    this.embeddings = embeddings;
    this.dataset = dataset;
    this.onSaved = onSaved;
    setHeaderTitle("Own embeddings");
    setWidth("40em");
    upload = UploadedFile.singleFileUpload(this, "embeddings-upload", this::uploaded);
    train.setId("embeddings-train");
    train.setValue(dataset.getEmbeddingDimension() == null || dataset.trainsOnEmbeddings());
    received.setId("embeddings-file");
    error.setId("embeddings-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    var save = new Button("Save", e -> save());
    save.setId("embeddings-submit");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var attached = new Paragraph(attachedNow());
    attached.setId("embeddings-attached");
    add(
        new Paragraph(
            "Vectors from your own model, one for every sample: NumPy .npy (float32 or float64,"
                + " samples x d, row i = sample i), JSON Lines ({\"sample_index\": 0,"
                + " \"embedding\": […]} per line) or CSV (header sample_index,e0,e1,…). Runs that"
                + " learn from them train the MLP on them and search neighbours among them."),
        attached,
        upload,
        received,
        train,
        error);
    getFooter().add(new Button("Cancel", e -> close()), save);
    file.deleteWhenClosed(this);
  }

  private String attachedNow() {
    Integer dimension = dataset.getEmbeddingDimension();
    if (dimension == null) {
      return "No vectors attached yet.";
    }
    return "Attached: %d numbers per sample; runs learn from %s."
        .formatted(dimension, dataset.trainsOnEmbeddings() ? "them" : "the dataset's own features");
  }

  /** Attaches the uploaded file, or changes the choice alone; the file is deleted either way. */
  void save() {
    error.setText("");
    try {
      if (file.get() != null) {
        var done =
            embeddings.importFile(
                dataset.getId(), file.get(), file.get().getFileName().toString(), train.getValue());
        Notification.show(
            "Attached %d numbers to each of %,d samples."
                .formatted(done.dimension(), done.samples()));
      } else if (dataset.getEmbeddingDimension() != null) {
        embeddings.trainOnThem(dataset.getId(), train.getValue());
      } else {
        error.setText("Choose the embeddings file first.");
        return;
      }
      close();
      onSaved.run();
    } catch (IOException | IllegalStateException e) {
      error.setText(e.getMessage() + ". Nothing was changed.");
    } finally {
      file.delete();
      upload.clearFileList();
      received.setText("");
    }
  }

  /** The message shown in the dialog (empty when there is none). */
  String error() {
    return error.getText();
  }

  /** A file arrived (in this dialog's UI): Save attaches it. */
  void uploaded(Path named) {
    file.replace(named);
    received.setText("Received " + named.getFileName() + "; Save attaches it.");
  }
}

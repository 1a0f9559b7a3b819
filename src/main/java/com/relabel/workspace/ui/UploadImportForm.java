package com.relabel.workspace.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.TextImport;
import com.relabel.security.CurrentUser;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * What the import page's one-file forms (texts, feature tables) share: a dataset name, the upload,
 * the submit button, the progress of a background import ({@link BackgroundImports}) and the
 * failure message. The uploaded file is deleted on every path (issue 13): when an import was tried,
 * when another file replaces it and when the form goes away; a background import owns it from its
 * start. Each form adds its own fields and says how its import starts.
 */
abstract class UploadImportForm extends VerticalLayout {

  final TextField name = new TextField("Dataset name");
  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final Paragraph error = new Paragraph();
  private final UploadedFile file = new UploadedFile();
  private final Upload upload;
  private final ImportProgress progress;
  private final Button submit;
  private final String missing;

  /**
   * @param idPrefix the prefix of the component ids ({@code text-import}: {@code text-import-name},
   *     {@code text-import-file}, {@code text-import-submit}, {@code text-import-error})
   * @param missing the message when the name or the file is missing
   */
  UploadImportForm(
      TrainingRuns runs,
      RunSettings defaults,
      String idPrefix,
      String submitCaption,
      ImportProgress progress,
      String missing) {
    this.runs = runs;
    this.defaults = defaults;
    this.progress = progress;
    this.missing = missing;
    setPadding(false);
    name.setId(idPrefix + "-name");
    name.setWidth("24rem");
    error.setId(idPrefix + "-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    upload = UploadedFile.singleFileUpload(this, idPrefix + "-file", this::uploaded);
    submit = new Button(submitCaption, e -> submit());
    submit.setId(idPrefix + "-submit");
    addDetachListener(e -> file.delete());
  }

  /** Lays the form out: its heading and description, the name, {@code fields}, the upload. */
  final void layOut(String heading, String description, Component... fields) {
    add(new H3(heading), new Paragraph(description), name);
    add(fields);
    add(upload, submit, progress, error);
  }

  /** The file types the upload offers, e.g. {@code ".csv"}. */
  final void accept(String... types) {
    upload.setAcceptedFileTypes(types);
  }

  /** A file arrived (in this form's UI). */
  void uploaded(Path named) {
    file.replace(named);
  }

  /** Starts the import of the uploaded file, once it has a name and a file. */
  void submit() {
    error.setText("");
    if (name.getValue().isBlank() || file.get() == null) {
      error.setText(missing);
      return;
    }
    start(UI.getCurrent(), name.getValue().trim());
  }

  /** Starts this form's import of {@link #uploadedFile()} as {@code datasetName}. */
  abstract void start(UI ui, String datasetName);

  /** How a form's background import starts on the uploaded file. */
  @FunctionalInterface
  interface BackgroundStart {
    CompletableFuture<Dataset> start(
        Path uploaded, TextImport.Progress told, BackgroundImports.Then then);
  }

  /**
   * Imports in the background, then queues the dataset's first run; the import owns the uploaded
   * file from here and deletes it when it ends, so that leaving the page (which detaches this form)
   * does not pull the file from under it; a refused file is sent again.
   */
  final void startInBackground(UI ui, BackgroundStart start) {
    Path uploaded = file.take();
    submit.setEnabled(false);
    progress.follow(
        ui,
        uploaded,
        told -> start.start(uploaded, told, this::firstRun),
        this::cleanUp,
        this::failed);
  }

  /** The uploaded file, still this form's (it deletes it in {@link #cleanUp}). */
  final Path uploadedFile() {
    return file.get();
  }

  /** Queues the imported dataset's first training run with the default settings. */
  final void firstRun(Dataset dataset) {
    runs.retrain(dataset.getId(), defaults, CurrentUser.username());
  }

  /** The upload is deleted whatever the outcome, so a refused one is sent again. */
  final void cleanUp() {
    file.delete();
    upload.clearFileList();
    submit.setEnabled(true);
  }

  final void failed(Throwable e) {
    error.setText("Nothing was imported: " + e.getMessage());
  }

  /** The message shown under the form (empty when there is none). */
  String error() {
    return error.getText();
  }

  void setName(String value) {
    name.setValue(value);
  }
}

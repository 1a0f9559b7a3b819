package com.relabel.workspace.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.TextFeatures;
import com.relabel.dataset.TextImport;
import com.relabel.security.CurrentUser;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The import page's text part: one CSV ({@code text,label}, header row) or JSONL file ({@code
 * {"text": ..., "label": ...}} per line); its first training run (the MLP) starts at once. A bad
 * file is refused with a message naming the file and the line.
 */
class TextImportForm extends VerticalLayout {

  private final TextImport textImport;
  private final BackgroundImports imports;
  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final TextField name = new TextField("Dataset name");
  private final Paragraph error = new Paragraph();
  private final UploadedFile file = new UploadedFile();
  private final Upload upload;
  private final Select<TextFeatures> features = new Select<>();
  private final ImportProgress progress = new ImportProgress();
  private final Button submit = new Button("Import texts and train");

  TextImportForm(
      TextImport textImport, BackgroundImports imports, TrainingRuns runs, RunSettings defaults) {
    this.textImport = textImport;
    this.imports = imports;
    this.runs = runs;
    this.defaults = defaults;
    setPadding(false);
    name.setId("text-import-name");
    name.setWidth("24rem");
    error.setId("text-import-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    upload = UploadedFile.singleFileUpload(this, "text-import-file", this::uploaded);
    features.setId("text-import-features");
    features.setLabel("The classifier learns from");
    features.setItems(TextFeatures.values());
    features.setItemLabelGenerator(TextImportForm::describe);
    features.setValue(TextFeatures.standard());
    features.setHelperText("The encoder reads each text once at import (decision 0038)");
    upload.setAcceptedFileTypes(".csv", ".jsonl", ".ndjson");
    submit.addClickListener(e -> submit());
    submit.setId("text-import-submit");
    add(
        new H3("Or: text classification"),
        new Paragraph(
            "A CSV file with a header row naming a 'text' and a 'label' column (an 'id' column is"
                + " optional), or a JSONL file with one {\"text\": ..., \"label\": ...} object per"
                + " line. UTF-8."),
        name,
        features,
        upload,
        submit,
        progress,
        error);
    addDetachListener(e -> file.delete());
  }

  /** A file arrived (in this form's UI). */
  void uploaded(Path named) {
    file.replace(named);
  }

  /**
   * Imports the uploaded file; it is deleted whatever the outcome, so a refused one is sent again.
   * With the sentence encoder, in a browser, the import runs in the background and the form shows
   * how many texts are encoded ({@link ImportProgress}): encoding takes minutes for large files. It
   * goes on if the admin leaves the page: they pressed Import, and its dataset appears on the start
   * page when it is done.
   */
  void submit() {
    error.setText("");
    if (name.getValue().isBlank() || file.get() == null) {
      error.setText("Give the dataset a name and upload a .csv or .jsonl file.");
      return;
    }
    UI ui = UI.getCurrent();
    Path uploaded = file.get();
    String datasetName = name.getValue().trim();
    TextFeatures chosen = features.getValue();
    if (ui != null && chosen.usesEncoder()) {
      startInBackground(ui, datasetName, file.take(), chosen);
      return;
    }
    try {
      importFile(datasetName, uploaded, chosen, (written, total) -> {});
      UI.getCurrent().navigate("");
    } catch (IOException | IllegalArgumentException e) {
      failed(e);
    } finally {
      cleanUp();
    }
  }

  /**
   * Imports in the background; the import owns the uploaded file from here and deletes it when it
   * ends, so that leaving the page (which detaches this form) does not pull the file from under it.
   */
  private void startInBackground(UI ui, String datasetName, Path uploaded, TextFeatures chosen) {
    submit.setEnabled(false);
    progress.follow(
        ui,
        uploaded,
        told ->
            imports.importText(
                datasetName,
                uploaded,
                uploaded.getFileName().toString(),
                chosen,
                told,
                dataset -> runs.retrain(dataset.getId(), defaults, CurrentUser.username())),
        this::cleanUp,
        this::failed);
  }

  /** Imports the file and starts its first run. */
  private void importFile(
      String datasetName, Path uploaded, TextFeatures chosen, TextImport.Progress told)
      throws IOException {
    Dataset dataset =
        textImport.importFile(
            datasetName, uploaded, uploaded.getFileName().toString(), chosen, told);
    runs.retrain(dataset.getId(), defaults, CurrentUser.username());
  }

  /** The upload is deleted whatever the outcome, so a refused one is sent again. */
  private void cleanUp() {
    file.delete();
    upload.clearFileList();
    submit.setEnabled(true);
  }

  private void failed(Throwable e) {
    error.setText("Nothing was imported: " + e.getMessage());
  }

  private static String describe(TextFeatures f) {
    return switch (f) {
      case ENCODER -> "Sentence encoder (all-MiniLM-L6-v2)";
      case HASHED -> "Hashed word counts";
      case BOTH -> "Both";
    };
  }

  /** The message shown under the form (empty when there is none). */
  String error() {
    return error.getText();
  }

  void setName(String value) {
    name.setValue(value);
  }
}

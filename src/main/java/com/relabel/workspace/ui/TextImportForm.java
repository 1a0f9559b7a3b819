package com.relabel.workspace.ui;

import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.TextFeatures;
import com.relabel.dataset.TextImport;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The import page's text part: one CSV ({@code text,label}, header row) or JSONL file ({@code
 * {"text": ..., "label": ...}} per line); its first training run (the MLP) starts at once. A bad
 * file is refused with a message naming the file and the line.
 */
class TextImportForm extends UploadImportForm {

  private final TextImport textImport;
  private final BackgroundImports imports;
  private final Select<TextFeatures> features = new Select<>();

  TextImportForm(
      TextImport textImport, BackgroundImports imports, TrainingRuns runs, RunSettings defaults) {
    super(
        runs,
        defaults,
        "text-import",
        "Import texts and train",
        new ImportProgress(),
        "Give the dataset a name and upload a .csv or .jsonl file.");
    this.textImport = textImport;
    this.imports = imports;
    features.setId("text-import-features");
    features.setLabel("The classifier learns from");
    features.setItems(TextFeatures.values());
    features.setItemLabelGenerator(TextImportForm::describe);
    features.setValue(TextFeatures.standard());
    features.setHelperText("The encoder reads each text once at import (decision 0038)");
    accept(".csv", ".jsonl", ".ndjson");
    layOut(
        "Or: text classification",
        "A CSV file with a header row naming a 'text' and a 'label' column (an 'id' column is"
            + " optional), or a JSONL file with one {\"text\": ..., \"label\": ...} object per"
            + " line. UTF-8.",
        features);
  }

  /**
   * Imports the uploaded file; it is deleted whatever the outcome, so a refused one is sent again.
   * With the sentence encoder, in a browser, the import runs in the background and the form shows
   * how many texts are encoded ({@link ImportProgress}): encoding takes minutes for large files. It
   * goes on if the admin leaves the page: they pressed Import, and its dataset appears on the start
   * page when it is done.
   */
  @Override
  void start(UI ui, String datasetName) {
    TextFeatures chosen = features.getValue();
    if (ui != null && chosen.usesEncoder()) {
      startInBackground(
          ui,
          (uploaded, told, then) ->
              imports.importText(
                  datasetName, uploaded, uploaded.getFileName().toString(), chosen, told, then));
      return;
    }
    Path uploaded = uploadedFile();
    try {
      firstRun(
          textImport.importFile(
              datasetName,
              uploaded,
              uploaded.getFileName().toString(),
              chosen,
              (written, total) -> {}));
      UI.getCurrent().navigate("");
    } catch (IOException | IllegalArgumentException e) {
      failed(e);
    } finally {
      cleanUp();
    }
  }

  private static String describe(TextFeatures f) {
    return switch (f) {
      case ENCODER -> "Sentence encoder (all-MiniLM-L6-v2)";
      case HASHED -> "Hashed word counts";
      case BOTH -> "Both";
    };
  }
}

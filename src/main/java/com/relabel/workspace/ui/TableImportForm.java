package com.relabel.workspace.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.TableOptions;
import com.relabel.security.CurrentUser;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The import page's feature-table part (decision 0045): one CSV file with a header row, one column
 * of it the label; the admin names the label column, optionally an id column and columns of codes
 * to treat as categories. Its first training run (the MLP) starts at once; a small table trains
 * with more, smaller steps, as every small dataset does ({@link com.relabel.engine.MinimumSteps}).
 * A bad file is refused with a message naming the file, the line and the column. The import runs in
 * the background ({@link BackgroundImports}) with its rows written shown on the page, and goes on
 * if the admin leaves it; its dataset appears on the start page when it is done.
 */
class TableImportForm extends VerticalLayout {

  private final BackgroundImports imports;
  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final TextField name = new TextField("Dataset name");
  private final TextField labelColumn = new TextField("Label column");
  private final TextField idColumn = new TextField("Id column (optional)");
  private final TextField categorical =
      new TextField("Numeric columns that are categories (optional, comma-separated)");
  private final Paragraph error = new Paragraph();
  private final UploadedFile file = new UploadedFile();
  private final Upload upload;
  private final ImportProgress progress =
      new ImportProgress("table-import-progress", "Wrote %,d of %,d rows");
  private final Button submit = new Button("Import table and train");

  TableImportForm(BackgroundImports imports, TrainingRuns runs, RunSettings defaults) {
    this.imports = imports;
    this.runs = runs;
    this.defaults = defaults;
    setPadding(false);
    name.setId("table-import-name");
    labelColumn.setId("table-import-label");
    labelColumn.setValue(TableOptions.DEFAULT_LABEL);
    idColumn.setId("table-import-id");
    categorical.setId("table-import-categorical");
    for (TextField f : new TextField[] {name, labelColumn, idColumn, categorical}) {
      f.setWidth("24rem");
    }
    error.setId("table-import-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    upload = UploadedFile.singleFileUpload(this, "table-import-file", file::replace);
    upload.setAcceptedFileTypes(".csv");
    submit.addClickListener(e -> submit());
    submit.setId("table-import-submit");
    add(
        new H3("Or: a feature table"),
        new Paragraph(
            "A CSV file with a header row: numeric columns are standardised, other columns are"
                + " categories (one-hot, at most 100 values each); an empty cell is the column's"
                + " mean plus a 'missing' flag, or a category of its own. UTF-8."),
        name,
        labelColumn,
        idColumn,
        categorical,
        upload,
        submit,
        progress,
        error);
    addDetachListener(e -> file.delete());
  }

  /**
   * Starts importing the uploaded file in the background, then its first run. The import owns the
   * uploaded file from here and deletes it when it ends, so that leaving the page (which detaches
   * this form) does not pull the file from under it; a refused file is sent again.
   */
  void submit() {
    error.setText("");
    if (name.getValue().isBlank() || file.get() == null) {
      error.setText("Give the dataset a name and upload a .csv file.");
      return;
    }
    UI ui = UI.getCurrent();
    Path uploaded = file.take();
    submit.setEnabled(false);
    progress.follow(
        ui,
        uploaded,
        told ->
            imports.importTable(
                name.getValue().trim(),
                uploaded,
                uploaded.getFileName().toString(),
                options(),
                told,
                dataset -> runs.retrain(dataset.getId(), defaults, CurrentUser.username())),
        this::cleanUp,
        this::failed);
  }

  private void cleanUp() {
    file.delete();
    upload.clearFileList();
    submit.setEnabled(true);
  }

  private void failed(Throwable e) {
    error.setText("Nothing was imported: " + e.getMessage());
  }

  private TableOptions options() {
    Set<String> marked = TableOptions.columns(List.of(categorical.getValue()));
    return new TableOptions(labelColumn.getValue(), idColumn.getValue(), marked);
  }
}

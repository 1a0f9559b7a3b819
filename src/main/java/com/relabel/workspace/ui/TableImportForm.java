package com.relabel.workspace.ui;

import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.TableOptions;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
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
class TableImportForm extends UploadImportForm {

  private final BackgroundImports imports;
  private final TextField labelColumn = new TextField("Label column");
  private final TextField idColumn = new TextField("Id column (optional)");
  private final TextField categorical =
      new TextField("Numeric columns that are categories (optional, comma-separated)");

  TableImportForm(BackgroundImports imports, TrainingRuns runs, RunSettings defaults) {
    super(
        runs,
        defaults,
        "table-import",
        "Import table and train",
        new ImportProgress("table-import-progress", "Wrote %,d of %,d rows"),
        "Give the dataset a name and upload a .csv file.");
    this.imports = imports;
    labelColumn.setId("table-import-label");
    labelColumn.setValue(TableOptions.DEFAULT_LABEL);
    idColumn.setId("table-import-id");
    categorical.setId("table-import-categorical");
    for (TextField f : new TextField[] {labelColumn, idColumn, categorical}) {
      f.setWidth("24rem");
    }
    accept(".csv");
    layOut(
        "Or: a feature table",
        "A CSV file with a header row: numeric columns are standardised, other columns are"
            + " categories (one-hot, at most 100 values each); an empty cell is the column's"
            + " mean plus a 'missing' flag, or a category of its own. UTF-8.",
        labelColumn,
        idColumn,
        categorical);
  }

  /** Starts importing the uploaded file in the background, then its first run. */
  @Override
  void start(UI ui, String datasetName) {
    TableOptions options = options();
    startInBackground(
        ui,
        (uploaded, told, then) ->
            imports.importTable(
                datasetName, uploaded, uploaded.getFileName().toString(), options, told, then));
  }

  private TableOptions options() {
    Set<String> marked = TableOptions.columns(List.of(categorical.getValue()));
    return new TableOptions(labelColumn.getValue(), idColumn.getValue(), marked);
  }
}

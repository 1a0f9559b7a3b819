package com.relabel.workspace.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.Dataset;
import com.relabel.dataset.IdxImport;
import com.relabel.dataset.TextImport;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Admins import a dataset from MNIST-style IDX files (raw or gzip); its first training run starts
 * at once. A bad file is refused with a message naming the file and the problem.
 */
@Route("import")
@PageTitle("Import · Relabel")
@Menu(order = 10, title = "Import dataset")
@RolesAllowed(Roles.ADMIN)
class ImportView extends VerticalLayout {

  private final IdxImport idxImport;
  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final TextField name = new TextField("Dataset name");
  private final IntegerField classes =
      new IntegerField("Number of classes (empty: largest label + 1)");
  private final Paragraph error = new Paragraph();
  private final UploadedFile images = new UploadedFile();
  private final UploadedFile labels = new UploadedFile();
  private final List<Upload> uploads = new ArrayList<>();

  ImportView(
      IdxImport idxImport,
      TrainingRuns runs,
      RunSettings defaults,
      TextImport textImport,
      BackgroundImports imports) {
    this.idxImport = idxImport;
    this.runs = runs;
    this.defaults = defaults;
    name.setId("import-name");
    name.setRequired(true);
    name.setWidth("24rem");
    classes.setId("import-classes");
    classes.setMin(2);
    classes.setMax(256);
    classes.setWidth("24rem");
    error.setId("import-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");

    var imageUpload =
        upload("import-images", "Images file (IDX, e.g. train-images-idx3-ubyte.gz)", images);
    var labelUpload =
        upload("import-labels", "Labels file (IDX, e.g. train-labels-idx1-ubyte.gz)", labels);
    var submit = new Button("Import and train", e -> submit());
    submit.setId("import-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new H2("Import a dataset"), name, classes, imageUpload, labelUpload, submit, error);
    add(
        new RouterLink(
            "Images instead? Import an image folder (ZIP)", ImageFolderImportView.class));
    add(new TextImportForm(textImport, imports, runs, defaults));
    add(new TableImportForm(imports, runs, defaults));
    addDetachListener(e -> deleteUploads());
  }

  private VerticalLayout upload(String id, String caption, UploadedFile target) {
    var upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) ->
                    UploadedFile.received(file, metadata.fileName(), getUI(), target::replace)));
    upload.setId(id);
    upload.setMaxFiles(1);
    uploads.add(upload);
    var box = new VerticalLayout(new Paragraph(caption), upload);
    box.setPadding(false);
    return box;
  }

  /** Files arrived (in this view's UI); either may be null. */
  void uploaded(Path imagesFile, Path labelsFile) {
    if (imagesFile != null) {
      images.replace(imagesFile);
    }
    if (labelsFile != null) {
      labels.replace(labelsFile);
    }
  }

  /**
   * Imports the two uploaded files; both are deleted whatever the outcome, so refused ones are sent
   * again.
   */
  void submit() {
    error.setText("");
    if (name.getValue().isBlank() || images.get() == null || labels.get() == null) {
      error.setText("Give the dataset a name and upload both files.");
      return;
    }
    try {
      Dataset dataset =
          idxImport.importFiles(
              name.getValue().trim(), images.get(), labels.get(), classes.getValue());
      runs.retrain(
          dataset.getId(), runs.defaultsFor(dataset.getId(), defaults), CurrentUser.username());
      UI.getCurrent().navigate("");
    } catch (IOException | IllegalArgumentException e) {
      error.setText("Nothing was imported: " + e.getMessage());
    } finally {
      deleteUploads();
    }
  }

  /** The message shown under the form (empty when there is none). */
  String error() {
    return error.getText();
  }

  void setName(String value) {
    name.setValue(value);
  }

  private void deleteUploads() {
    images.delete();
    labels.delete();
    uploads.forEach(Upload::clearFileList);
  }
}

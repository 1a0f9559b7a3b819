package com.relabel.workspace.ui;

import com.relabel.base.UploadedFile;
import com.relabel.dataset.ImageFolderImport;
import com.relabel.dataset.ImageImportResult;
import com.relabel.dataset.ImageSizePolicy;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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

/**
 * Admins import a ZIP of images: one folder per class, or images plus a {@code labels.csv}. The
 * images are brought to one size (the most common one, at most 64x64, unless a size is given); the
 * first training run starts at once. A bad archive is refused with a message naming the file.
 */
@Route("import/images")
@PageTitle("Import images · Relabel")
@Menu(order = 11, title = "Import image folder")
@RolesAllowed(Roles.ADMIN)
class ImageFolderImportView extends VerticalLayout {

  private final ImageFolderImport imageImport;
  private final TrainingRuns runs;
  private final RunSettings defaults;
  private final TextField name = new TextField("Dataset name");
  private final TextField size =
      new TextField(
          "Image size, width x height, up to 128x128 (empty: the most common, at most 64x64)");
  private final Paragraph error = new Paragraph();
  private final UploadedFile zip = new UploadedFile();
  private final Upload upload;

  ImageFolderImportView(ImageFolderImport imageImport, TrainingRuns runs, RunSettings defaults) {
    this.imageImport = imageImport;
    this.runs = runs;
    this.defaults = defaults;
    name.setId("image-import-name");
    name.setRequired(true);
    name.setWidth("24rem");
    size.setId("image-import-size");
    size.setPlaceholder("e.g. 32x32");
    size.setWidth("24rem");
    error.setId("image-import-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) ->
                    UploadedFile.received(file, metadata.fileName(), getUI(), this::uploaded)));
    upload.setId("image-import-zip");
    upload.setMaxFiles(1);
    upload.setAcceptedFileTypes(".zip", "application/zip");
    var submit = new Button("Import and train", e -> submit());
    submit.setId("image-import-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H2("Import an image folder"),
        new Paragraph(
            "A ZIP with one folder per class (the folder name is the class name), or images plus"
                + " a labels.csv with the columns file,label. PNG, JPEG, BMP or GIF. Every image"
                + " is resized to one size; grayscale if all images are, else RGB."),
        new RouterLink("IDX files instead", ImportView.class),
        name,
        size,
        upload,
        submit,
        error);
    addDetachListener(e -> zip.delete());
  }

  /** A ZIP arrived (in this view's UI). */
  void uploaded(Path named) {
    zip.replace(named);
  }

  /**
   * Imports the uploaded ZIP; it is deleted whatever the outcome, so a refused one is sent again.
   */
  void submit() {
    error.setText("");
    if (name.getValue().isBlank() || zip.get() == null) {
      error.setText("Give the dataset a name and upload a ZIP.");
      return;
    }
    try {
      ImageImportResult result =
          imageImport.importFolder(
              name.getValue().trim(), zip.get(), ImageSizePolicy.parse(size.getValue()));
      long id = result.dataset().getId();
      runs.retrain(id, runs.defaultsFor(id, defaults), CurrentUser.username());
      Notification.show("Imported " + result.summary(), 8000, Notification.Position.BOTTOM_START);
      UI.getCurrent().navigate("");
    } catch (IOException | IllegalArgumentException e) {
      error.setText("Nothing was imported: " + e.getMessage());
    } finally {
      zip.delete();
      upload.clearFileList();
    }
  }

  /** The message shown under the form (empty when there is none). */
  String error() {
    return error.getText();
  }

  void setName(String value) {
    name.setValue(value);
  }
}

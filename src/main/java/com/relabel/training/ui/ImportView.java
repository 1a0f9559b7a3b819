package com.relabel.training.ui;

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
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

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
  private Path images;
  private Path labels;

  ImportView(IdxImport idxImport, TrainingRuns runs, RunSettings defaults, TextImport textImport) {
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
        upload(
            "import-images", "Images file (IDX, e.g. train-images-idx3-ubyte.gz)", p -> images = p);
    var labelUpload =
        upload(
            "import-labels", "Labels file (IDX, e.g. train-labels-idx1-ubyte.gz)", p -> labels = p);
    var submit = new Button("Import and train", e -> submit());
    submit.setId("import-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new H2("Import a dataset"), name, classes, imageUpload, labelUpload, submit, error);
    add(
        new RouterLink(
            "Images instead? Import an image folder (ZIP)", ImageFolderImportView.class));
    add(new TextImportForm(textImport, runs, defaults));
    addDetachListener(e -> deleteUploads());
  }

  private VerticalLayout upload(String id, String caption, Consumer<Path> target) {
    var upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) -> {
                  Path named = rename(file, metadata.fileName());
                  getUI().ifPresent(ui -> ui.access(() -> target.accept(named)));
                }));
    upload.setId(id);
    upload.setMaxFiles(1);
    var box = new VerticalLayout(new Paragraph(caption), upload);
    box.setPadding(false);
    return box;
  }

  /** Keeps the uploaded file's own name, so that error messages name the file the user chose. */
  static Path rename(File file, String originalName) {
    try {
      Path dir = Files.createTempDirectory("relabel-upload-");
      String safe = Path.of(originalName).getFileName().toString();
      return Files.move(file.toPath(), dir.resolve(safe));
    } catch (IOException e) {
      return file.toPath();
    }
  }

  private void submit() {
    error.setText("");
    if (name.getValue().isBlank() || images == null || labels == null) {
      error.setText("Give the dataset a name and upload both files.");
      return;
    }
    try {
      Dataset dataset =
          idxImport.importFiles(name.getValue().trim(), images, labels, classes.getValue());
      runs.retrain(dataset.getId(), defaults, CurrentUser.username());
      UI.getCurrent().navigate("");
    } catch (IOException | IllegalArgumentException e) {
      error.setText("Nothing was imported: " + e.getMessage());
    }
  }

  private void deleteUploads() {
    deleteUpload(images);
    deleteUpload(labels);
  }

  /** Deletes an uploaded file and the temporary folder {@link #rename} made for it. */
  static void deleteUpload(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }
}

package com.relabel.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one file a form's Vaadin {@code Upload} received, under the name the user gave it (so that
 * messages name the user's file, never the server's temporary path), in a temporary folder of its
 * own. The form deletes it on every path: when an import was tried (accepted, refused or failed),
 * when another file replaces it, and when the form goes away; a file that arrives after its form
 * has gone is deleted at once (issue 13: refused uploads stayed in the temp folder).
 */
public final class UploadedFile {

  private Path file;

  /** The file, or null when none is waiting. */
  public Path get() {
    return file;
  }

  /** Takes a newly uploaded file, deleting the one it replaces. */
  public void replace(Path uploaded) {
    delete();
    file = uploaded;
  }

  /**
   * Hands the file over to work that outlives the form (a background import, which deletes it when
   * it ends): the form no longer deletes it.
   */
  public Path take() {
    Path taken = file;
    file = null;
    return taken;
  }

  /** Deletes the file and its folder, if there is one. */
  public void delete() {
    delete(file);
    file = null;
  }

  /**
   * A one-file {@code Upload} for {@code form}: each file it receives reaches {@code receiver} in
   * the form's UI under the user's own name (see {@link #received}).
   */
  public static Upload singleFileUpload(Component form, String id, Consumer<Path> receiver) {
    var upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, tmp) -> received(tmp, metadata.fileName(), form.getUI(), receiver)));
    upload.setId(id);
    upload.setMaxFiles(1);
    return upload;
  }

  /** Deletes the file whenever {@code dialog} closes, whatever closed it. */
  public void deleteWhenClosed(Dialog dialog) {
    dialog.addOpenedChangeListener(
        e -> {
          if (!e.isOpened()) {
            delete();
          }
        });
  }

  /**
   * An upload handler's part: gives the temporary file {@code tmp} the user's own name and hands it
   * to {@code receiver} in the form's UI; deletes it when that cannot happen (no UI any more, a
   * name that is not a file name).
   */
  public static void received(
      File tmp, String originalName, Optional<UI> ui, Consumer<Path> receiver) {
    Path named = rename(tmp, originalName);
    if (ui.isEmpty()) {
      delete(named);
      return;
    }
    try {
      ui.get().access(() -> receiver.accept(named));
    } catch (RuntimeException e) { // the UI was detached meanwhile
      delete(named);
      throw e;
    }
  }

  /** Moves {@code file} to a new temporary folder under the user's file name. */
  public static Path rename(File file, String originalName) {
    Path dir = null;
    try {
      String safe = Path.of(originalName).getFileName().toString();
      dir = Files.createTempDirectory("relabel-upload-");
      return Files.move(file.toPath(), dir.resolve(safe));
    } catch (IOException | RuntimeException e) {
      // a name that is no file name here: keep the temporary one
      deleteQuietly(dir);
      return file.toPath();
    }
  }

  /** Deletes an uploaded file and the temporary folder {@link #rename} made for it. */
  public static void delete(Path file) {
    if (file != null) {
      deleteQuietly(file);
      Path parent = file.getParent();
      if (parent != null && parent.getFileName().toString().startsWith("relabel-upload-")) {
        deleteQuietly(parent);
      }
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // nothing more can be done; the temp folder is cleaned when the machine restarts
      }
    }
  }
}

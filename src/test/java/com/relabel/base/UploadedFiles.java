package com.relabel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Uploaded files as the upload handler leaves them, and the check that one is gone. */
public final class UploadedFiles {

  private UploadedFiles() {}

  /** A file as the upload handler leaves it: under the user's name in its own temp folder. */
  public static Path upload(String name) throws Exception {
    File tmp = Files.createTempFile("upload", ".tmp").toFile();
    Files.writeString(tmp.toPath(), "data");
    Path named = UploadedFile.rename(tmp, name);
    assertThat(named.getFileName().toString()).isEqualTo(name);
    assertThat(named.getParent().getFileName().toString()).startsWith("relabel-upload-");
    return named;
  }

  /** The uploaded file and the temporary folder it came in are both deleted. */
  public static void assertGone(Path upload) {
    assertThat(upload).as("the uploaded file").doesNotExist();
    assertThat(upload.getParent()).as("its temporary folder").doesNotExist();
  }
}

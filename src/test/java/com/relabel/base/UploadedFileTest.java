package com.relabel.base;

import static com.relabel.base.UploadedFiles.assertGone;
import static com.relabel.base.UploadedFiles.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 9: an upload held by a form is deleted when another replaces it, and one that
 * arrives when its form has gone is deleted at once.
 */
class UploadedFileTest {

  @Test
  void anUploadReplacedByAnotherIsDeleted() throws Exception {
    var held = new UploadedFile();
    Path first = upload("images.idx");
    Path second = upload("images-2.idx");
    held.replace(first);
    held.replace(second);
    assertGone(first);
    assertThat(held.get()).isEqualTo(second).exists();
    held.delete();
    assertGone(second);
  }

  @Test
  void anUploadArrivingWithoutItsViewIsDeletedAtOnce() throws Exception {
    File tmp = Files.createTempFile("upload", ".tmp").toFile();
    Path[] received = {null};

    UploadedFile.received(tmp, "late.csv", Optional.empty(), p -> received[0] = p);

    assertThat(received[0]).isNull();
    assertThat(tmp).doesNotExist();
    assertThat(Files.list(tmp.toPath().getParent()))
        .noneMatch(
            p ->
                p.getFileName().toString().startsWith("relabel-upload-")
                    && Files.exists(p.resolve("late.csv")));
  }
}

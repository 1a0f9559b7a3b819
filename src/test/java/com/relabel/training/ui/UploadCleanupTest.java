package com.relabel.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.relabel.dataset.TextFormatException;
import com.relabel.dataset.TextImport;
import com.relabel.training.PredictionsImport;
import com.relabel.training.TrainingRuns;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 13, item 9: an upload the import forms received is deleted from the temp folder however the
 * import ends: refused or failed with an exception; a file that arrives when its form has gone is
 * deleted at once. (ImportView and ImageFolderImportView hold their uploads in the same {@link
 * UploadedFile} with the same {@code finally}; their RouterLinks need a running Vaadin service.)
 */
class UploadCleanupTest {

  @Test
  void aRefusedTextImportLeavesNothingOfTheUploadInTheTempFolder() throws Exception {
    TextImport texts = mock(TextImport.class);
    when(texts.importFile(anyString(), any(), anyString(), any()))
        .thenThrow(new TextFormatException("texts.csv", 2, "empty text"));
    var form = new TextImportForm(texts, mock(TrainingRuns.class), null);
    Path upload = upload("texts.csv");
    form.uploaded(upload);
    form.setName("texts");

    form.submit();

    assertThat(form.error()).isEqualTo("Nothing was imported: texts.csv, line 2: empty text");
    assertGone(upload);
  }

  @Test
  void aTextImportThatFailsWithAnExceptionStillDeletesTheUpload() throws Exception {
    TextImport texts = mock(TextImport.class);
    when(texts.importFile(anyString(), any(), anyString(), any()))
        .thenThrow(new IllegalStateException("database gone"));
    var form = new TextImportForm(texts, mock(TrainingRuns.class), null);
    Path upload = upload("texts.csv");
    form.uploaded(upload);
    form.setName("texts");

    assertThatThrownBy(form::submit).hasMessage("database gone");
    assertGone(upload);
  }

  @Test
  void refusedPredictionsDeleteTheirUpload() throws Exception {
    PredictionsImport predictions = mock(PredictionsImport.class);
    when(predictions.importFile(anyLong(), any(), any()))
        .thenThrow(new IllegalStateException("predictions.csv, line 3: 2 probabilities"));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    var dialog = new PredictionsDialog(predictions, 1, run -> {});
    Path upload = upload("predictions.csv");
    dialog.uploaded(upload);

    dialog.submit();

    assertThat(dialog.error()).startsWith("predictions.csv, line 3");
    assertGone(upload);
  }

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

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  /** A file as the upload handler leaves it: under the user's name in its own temp folder. */
  private static Path upload(String name) throws Exception {
    File tmp = Files.createTempFile("upload", ".tmp").toFile();
    Files.writeString(tmp.toPath(), "data");
    Path named = UploadedFile.rename(tmp, name);
    assertThat(named.getFileName().toString()).isEqualTo(name);
    assertThat(named.getParent().getFileName().toString()).startsWith("relabel-upload-");
    return named;
  }

  private static void assertGone(Path upload) {
    assertThat(upload).as("the uploaded file").doesNotExist();
    assertThat(upload.getParent()).as("its temporary folder").doesNotExist();
  }
}

package com.relabel.workspace.ui;

import static com.relabel.base.UploadedFiles.assertGone;
import static com.relabel.base.UploadedFiles.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.relabel.dataset.BackgroundImports;
import com.relabel.dataset.TextFormatException;
import com.relabel.dataset.TextImport;
import com.relabel.training.TrainingRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 9: an upload the import forms received is deleted from the temp folder however the
 * import ends: refused or failed with an exception; a file that arrives when its form has gone is
 * deleted at once. (ImportView and ImageFolderImportView hold their uploads in the same {@link
 * com.relabel.base.UploadedFile} with the same {@code finally}; their RouterLinks need a running
 * Vaadin service.)
 */
class UploadCleanupTest {

  @Test
  void aRefusedTextImportLeavesNothingOfTheUploadInTheTempFolder() throws Exception {
    TextImport texts = mock(TextImport.class);
    when(texts.importFile(anyString(), any(), anyString(), any(), any()))
        .thenThrow(new TextFormatException("texts.csv", 2, "empty text"));
    var form =
        new TextImportForm(texts, mock(BackgroundImports.class), mock(TrainingRuns.class), null);
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
    when(texts.importFile(anyString(), any(), anyString(), any(), any()))
        .thenThrow(new IllegalStateException("database gone"));
    var form =
        new TextImportForm(texts, mock(BackgroundImports.class), mock(TrainingRuns.class), null);
    Path upload = upload("texts.csv");
    form.uploaded(upload);
    form.setName("texts");

    assertThatThrownBy(form::submit).hasMessage("database gone");
    assertGone(upload);
  }
}

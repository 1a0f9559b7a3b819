package com.relabel.training.ui;

import static com.relabel.base.UploadedFiles.assertGone;
import static com.relabel.base.UploadedFiles.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.relabel.training.PredictionsImport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Issue 13, item 9: a refused predictions file is deleted from the temp folder. */
class PredictionsUploadCleanupTest {

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

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }
}

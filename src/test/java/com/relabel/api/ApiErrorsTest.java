package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The second line of defence: a problem detail never names a server-side temporary path. */
class ApiErrorsTest {

  @Test
  void aTemporaryUploadPathIsCutDownToTheFileName() {
    String tmp = Path.of(System.getProperty("java.io.tmpdir")).toString();
    String detail =
        tmp + "/relabel-api-upload-123/part-0/images.idx: line 3: truncated after 12 images";
    assertThat(ApiErrors.withoutServerPaths(detail))
        .isEqualTo("images.idx: line 3: truncated after 12 images");
    assertThat(ApiErrors.withoutServerPaths("x/relabel-upload-9/labels.idx is empty"))
        .isEqualTo("labels.idx is empty");
  }

  @Test
  void aDetailWithoutServerPathsIsLeftAlone() {
    String detail = "train.csv, line 12: a quoted field is never closed";
    assertThat(ApiErrors.withoutServerPaths(detail)).isEqualTo(detail);
    assertThat(ApiErrors.withoutServerPaths(null)).isNull();
  }
}

package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.IdxFormatException;
import com.relabel.dataset.IdxImport;
import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Importing IDX files into the database: all or nothing, admins only. */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class IdxImportTest {

  @Autowired IdxImport idxImport;
  @Autowired DatasetService datasets;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void importsEverySampleWithItsLabelAndPixels() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    LabeledImages data = TestDatasets.mnist(50);
    IdxWriter.write(data, dir.resolve("images.gz"), dir.resolve("labels.gz"));

    Dataset d =
        idxImport.importFiles("idx-ok", dir.resolve("images.gz"), dir.resolve("labels.gz"), 10);

    assertThat(datasets.overview(d.getId()).samples()).isEqualTo(50);
    var set = datasets.trainingSet(d.getId());
    assertThat(set.images().labels()).containsExactly(data.labels());
    assertThat(Arrays.equals(set.images().pixels(), data.pixels())).isTrue();
    assertThat(datasets.classNames(d.getId())).hasSize(10);
  }

  @Test
  void aLabelOutsideTheClassesIsRefusedAndNothingIsWritten() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    LabeledImages data = TestDatasets.mnist(20);
    int[] labels = data.labels().clone();
    labels[7] = 12;
    IdxWriter.write(data.withLabels(labels), dir.resolve("i"), dir.resolve("l"));
    int before = count();

    assertThatThrownBy(
            () -> idxImport.importFiles("idx-bad", dir.resolve("i"), dir.resolve("l"), 10))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("l: ")
        .hasMessageNotContaining(dir.toString())
        .hasMessageContaining("12");
    assertThat(datasets.findByName("idx-bad")).isEmpty();
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aTruncatedFileIsRefusedAndNothingIsWritten() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    IdxWriter.write(TestDatasets.mnist(20), dir.resolve("i"), dir.resolve("l"));
    byte[] bytes = Files.readAllBytes(dir.resolve("i"));
    Files.write(dir.resolve("i"), Arrays.copyOf(bytes, bytes.length - 100));
    int before = count();

    assertThatThrownBy(
            () -> idxImport.importFiles("idx-cut", dir.resolve("i"), dir.resolve("l"), 10))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("i: ")
        .hasMessageNotContaining(dir.toString())
        .hasMessageContaining("truncated");
    assertThat(datasets.findByName("idx-cut")).isEmpty();
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void annotatorsCannotImport() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> idxImport.importFiles("x", dir.resolve("i"), dir.resolve("l"), 10))
        .isInstanceOf(AccessDeniedException.class);
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from sample", Integer.class);
  }
}

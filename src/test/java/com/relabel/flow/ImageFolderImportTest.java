package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.ImageFolderException;
import com.relabel.dataset.ImageFolderFixture;
import com.relabel.dataset.ImageFolderImport;
import com.relabel.dataset.ImageImportResult;
import com.relabel.dataset.ImageSizePolicy;
import com.relabel.engine.DeviceChoice;
import com.relabel.training.RunSettings;
import com.relabel.training.RunStatus;
import com.relabel.training.RunWaits;
import com.relabel.training.TrainingRuns;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Importing a ZIP of class folders into H2, then training on it; all or nothing; admins only. */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class ImageFolderImportTest {

  @Autowired ImageFolderImport imageImport;
  @Autowired DatasetService datasets;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void aZipOfClassFoldersBecomesADatasetThatTrains() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path zip = ImageFolderFixture.classFolderZip(dir.resolve("shapes.zip"), 3, 20, 16, 7);

    ImageImportResult result = imageImport.importFolder("shapes", zip, ImageSizePolicy.automatic());

    long id = result.dataset().getId();
    assertThat(result.images()).isEqualTo(60);
    assertThat(result.summary()).isEqualTo("60 images, 3 classes, 16x16 gray (0 resized)");
    assertThat(datasets.classNames(id)).containsExactly("class-0", "class-1", "class-2");
    assertThat(datasets.get(id).getSource()).isEqualTo("shapes.zip (class folders)");
    assertThat(
            jdbc.queryForList(
                "select external_id from sample where dataset_id = ? order by sample_index",
                String.class,
                id))
        .hasSize(60)
        .startsWith("class-0/00000.png")
        .endsWith("class-2/00019.png");
    var set = datasets.trainingSet(id);
    assertThat(set.images().count()).isEqualTo(60);
    assertThat(set.images().height()).isEqualTo(16);
    assertThat(set.images().channels()).isEqualTo(1);
    assertThat(set.images().labels()[0]).isZero();
    assertThat(set.images().labels()[59]).isEqualTo(2);
    // the bar of class 2 covers columns 10 to 14: bright there, dark in column 0
    byte[] last = set.images().image(59);
    assertThat(last[12] & 0xff).isGreaterThanOrEqualTo(200);
    assertThat(last[0] & 0xff).isLessThan(40);

    var settings =
        RunSettings.builder()
            .epochs(1)
            .batchSize(16)
            .seed(1)
            .device(DeviceChoice.CPU)
            .folds(0)
            .build();
    long runId = runs.retrain(id, settings, "admin").getId();
    var run = RunWaits.finished(runs, runId, Duration.ofMinutes(3));
    assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(datasets.get(id).getActiveRunId()).isEqualTo(runId);
  }

  @Test
  void aCorruptImageFoundWhileWritingLeavesNothingBehind() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    var random = new Random(5);
    var good = new java.io.ByteArrayOutputStream();
    ImageIO.write(ImageFolderFixture.classImage(0, 2, 32, random), "png", good);
    byte[] png = good.toByteArray();
    Path zip = dir.resolve("broken.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        var z = new ZipOutputStream(out)) {
      for (int i = 0; i < 700; i++) {
        z.putNextEntry(new ZipEntry((i % 2 == 0 ? "a/" : "b/") + "%04d.png".formatted(i)));
        z.write(i == 699 ? java.util.Arrays.copyOf(png, png.length / 2) : png);
        z.closeEntry();
      }
    }
    int samplesBefore = count("sample");
    int labelsBefore = count("class_label");

    assertThatThrownBy(() -> imageImport.importFolder("broken", zip, ImageSizePolicy.automatic()))
        .isInstanceOf(ImageFolderException.class)
        .hasMessageStartingWith("b/0699.png: is corrupt or truncated");
    assertThat(datasets.findByName("broken")).isEmpty();
    assertThat(count("sample")).isEqualTo(samplesBefore);
    assertThat(count("class_label")).isEqualTo(labelsBefore);
  }

  @Test
  void annotatorsCannotImport() throws Exception {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    Path zip = ImageFolderFixture.classFolderZip(dir.resolve("x.zip"), 2, 2, 8, 1);
    assertThatThrownBy(() -> imageImport.importFolder("x", zip, ImageSizePolicy.automatic()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(datasets.findByName("x")).isEmpty();
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}

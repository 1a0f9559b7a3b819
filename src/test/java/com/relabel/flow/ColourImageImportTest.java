package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.DatasetService;
import com.relabel.dataset.ImageFolderFixture;
import com.relabel.dataset.ImageFolderImport;
import com.relabel.dataset.ImageImportResult;
import com.relabel.dataset.ImageSizePolicy;
import com.relabel.dataset.SampleImage;
import com.relabel.engine.ModelKind;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRuns;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Colour photos at 128x128 (decision 0046): the import keeps three channels and the size in the
 * database, the training set and the picture the review screen shows; 129 a side is refused.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:colour;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class ColourImageImportTest {

  @Autowired ImageFolderImport imageImport;
  @Autowired DatasetService datasets;
  @Autowired JdbcTemplate jdbc;
  @Autowired TrainingRuns runs;
  @Autowired RunSettings defaults;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void photosOf150PixelsAreStoredAt128x128InColour() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path zip = photos("photos");

    ImageImportResult result =
        imageImport.importFolder("photos", zip, ImageSizePolicy.parse("128x128"));

    long id = result.dataset().getId();
    assertThat(result.summary()).isEqualTo("4 images, 2 classes, 128x128 RGB (4 resized)");
    assertThat(
            jdbc.queryForMap(
                "select image_height, image_width, image_channels from dataset where id = ?", id))
        .containsValues(128, 128, 3);
    var images = datasets.trainingSet(id).images();
    assertThat(images.channels()).isEqualTo(3);
    assertThat(images.height()).isEqualTo(128);
    assertThat(images.image(0)).hasSize(128 * 128 * 3);
    long sampleId =
        jdbc.queryForObject(
            "select id from sample where dataset_id = ? and external_id = 'red/1.png'",
            Long.class,
            id);
    SampleImage picture = datasets.image(sampleId).orElseThrow();
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(picture.toPng()));
    assertThat(shown.getWidth()).isEqualTo(128);
    int rgb = shown.getRGB(64, 64);
    assertThat(new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff})
        .containsExactly(0xd0, 0x30, 0x20);
    // nobody chose a network: colour above 32x32 trains the ResNet (decision 0046)
    assertThat(defaults.model()).isEqualTo(ModelKind.CNN);
    assertThat(runs.defaultsFor(id, defaults).model()).isEqualTo(ModelKind.RESNET);
  }

  @Test
  void aSideOver128IsRefusedBeforeAnythingIsRead() throws Exception {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    Path zip = photos("big");

    assertThatThrownBy(() -> imageImport.importFolder("big", zip, ImageSizePolicy.parse("129x129")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image size must be between 8 and 128 pixels a side, not 129x129");
    assertThat(datasets.findByName("big")).isEmpty();
  }

  /** Two classes of two 150x150 photos each: red-orange and blue, as class folders in a ZIP. */
  private Path photos(String name) throws Exception {
    return ImageFolderFixture.colourPhotosZip(
        dir.resolve(name + ".zip"),
        150,
        new String[] {"red", "blue"},
        new int[][] {{0xd03020, 0xc04030}, {0x2040d0, 0x3050c0}});
  }
}

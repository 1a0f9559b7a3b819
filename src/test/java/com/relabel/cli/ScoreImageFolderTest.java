package com.relabel.cli;

import static com.relabel.cli.ScoreRuns.quickOnCpu;
import static com.relabel.cli.ScoreRuns.score;
import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.ImageFolderFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relabel score --images <zip|dir>} without {@code --labels}: an image folder. */
class ScoreImageFolderTest {

  @TempDir Path dir;

  @Test
  void scoresAZipOfClassFoldersResizedToTheGivenSize() throws Exception {
    Path zip = ImageFolderFixture.classFolderZip(dir.resolve("bars.zip"), 2, 30, 16, 3);
    Path csv = dir.resolve("scores.csv");

    var run =
        score(
            quickOnCpu(
                1,
                16,
                "--images",
                zip.toString(),
                "--out",
                csv.toString(),
                "--image-size",
                "12x12"));

    List<String> lines = run.csv(csv, 60);
    assertThat(run.log())
        .contains("bars.zip (class folders): 60 images, classes class-0, class-1, 60 resized")
        .contains("Read 60 images of 12x12x1, 2 classes");
    assertThat(lines.get(1)).startsWith("0,0,");
    assertThat(lines.get(60)).startsWith("59,1,");
  }

  @Test
  void aBadFolderIsRefusedNamingTheFileAndNoCsvIsWritten() throws Exception {
    Path data = dir.resolve("data");
    ImageFolderFixture.write(
        data.resolve("a.png"),
        ImageFolderFixture.classImage(0, 2, 8, new java.util.Random(1)),
        "png");
    Files.writeString(data.resolve("labels.csv"), "file,label\na.png,cat\nb.png,dog\n");
    Path csv = dir.resolve("scores.csv");

    score("--images", data.toString(), "--out", csv.toString())
        .refused(csv, "labels.csv line 3", "b.png");
  }
}

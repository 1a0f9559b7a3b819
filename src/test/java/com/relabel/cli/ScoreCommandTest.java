package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.ModelKind;
import com.relabel.flow.TestDatasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless scorer on real IDX files: one row per sample, in input order. */
class ScoreCommandTest {

  @TempDir Path dir;

  @Test
  void writesOneRowPerSampleInInputOrderWithEveryMethod() throws Exception {
    LabeledImages data = TestDatasets.mnist(200);
    IdxWriter.write(data, dir.resolve("images.gz"), dir.resolve("labels"));
    Path csv = dir.resolve("out/scores.csv");
    var log = new ByteArrayOutputStream();

    int code =
        new ScoreCommand(new PrintStream(log))
            .execute(
                new String[] {
                  "--min-steps",
                  "0",
                  "--images",
                  dir.resolve("images.gz").toString(),
                  "--labels",
                  dir.resolve("labels").toString(),
                  "--out",
                  csv.toString(),
                  "--epochs",
                  "1",
                  "--device",
                  "cpu",
                  "--batch-size",
                  "32"
                });

    assertThat(code).as(log.toString()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst())
        .isEqualTo(
            "index,given_label,suggested_label,score,loss,confidence,correctness,aum,cl,margin,gmm,"
                + "influence,knn,softlabel");
    assertThat(lines).hasSize(201);
    for (int i = 0; i < 200; i++) {
      String[] f = lines.get(i + 1).split(",");
      assertThat(f).hasSize(14);
      assertThat(Integer.parseInt(f[0])).isEqualTo(i);
      assertThat(Integer.parseInt(f[1])).isEqualTo(data.labels()[i]);
      assertThat(Integer.parseInt(f[2])).isBetween(0, 9);
      for (int c = 3; c < 14; c++) {
        assertThat(Double.parseDouble(f[c])).isFinite();
      }
    }
    assertThat(log.toString()).contains("epoch 1/1:").contains("(cross-validation)");
  }

  @Test
  void theAumThresholdSwitchAddsTheBelowCutoffColumn() throws Exception {
    LabeledImages data = TestDatasets.mnist(200);
    IdxWriter.write(data, dir.resolve("images.gz"), dir.resolve("labels"));
    Path csv = dir.resolve("aum.csv");
    var log = new ByteArrayOutputStream();

    int code =
        new ScoreCommand(new PrintStream(log))
            .execute(
                new String[] {
                  "--min-steps",
                  "0",
                  "--images",
                  dir.resolve("images.gz").toString(),
                  "--labels",
                  dir.resolve("labels").toString(),
                  "--out",
                  csv.toString(),
                  "--epochs",
                  "1",
                  "--device",
                  "cpu",
                  "--aum-threshold",
                  "--batch-size",
                  "32",
                  "--folds",
                  "0"
                });

    assertThat(code).as(log.toString()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).endsWith(",softlabel,aum_below_cutoff");
    assertThat(lines).hasSize(201);
    long below = 0;
    for (String line : lines.subList(1, lines.size())) {
      String last = line.substring(line.lastIndexOf(',') + 1);
      assertThat(last).isIn("true", "false");
      below += last.equals("true") ? 1 : 0;
    }
    assertThat(log.toString())
        .contains("(AUM threshold pass)")
        .contains("(18 threshold samples): " + below + " samples below");
  }

  @Test
  void aBadFileIsRefusedWithItsNameAndNoCsvIsWritten() throws Exception {
    Files.write(dir.resolve("images"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
    IdxWriter.write(TestDatasets.mnist(5), dir.resolve("ok-images"), dir.resolve("labels"));
    Path csv = dir.resolve("scores.csv");
    var err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err));
    int code;
    try {
      code =
          new ScoreCommand(System.out)
              .execute(
                  new String[] {
                    "--min-steps",
                    "0",
                    "--images",
                    dir.resolve("images").toString(),
                    "--labels",
                    dir.resolve("labels").toString(),
                    "--out",
                    csv.toString()
                  });
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(dir.resolve("images").toString()).contains("magic");
    assertThat(csv).doesNotExist();
  }

  @Test
  void unknownOptionsGetTheUsage() {
    var err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err));
    try {
      assertThat(new ScoreCommand(System.out).execute(new String[] {"--imgs", "x"})).isEqualTo(2);
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString()).contains("unknown option --imgs").contains("Usage: relabel score");
  }

  @Test
  void latentEpochsAddTheAquavsColumn() throws Exception {
    LabeledImages data = TestDatasets.mnist(120);
    IdxWriter.write(data, dir.resolve("images.gz"), dir.resolve("labels"));
    Path csv = dir.resolve("aquavs.csv");
    var log = new ByteArrayOutputStream();

    int code =
        new ScoreCommand(new PrintStream(log))
            .execute(
                new String[] {
                  "--min-steps", "0",
                  "--images", dir.resolve("images.gz").toString(),
                  "--labels", dir.resolve("labels").toString(),
                  "--out", csv.toString(),
                  "--epochs", "1",
                  "--folds", "0",
                  "--latent-epochs", "2",
                  "--device", "cpu",
                  "--batch-size", "32"
                });

    assertThat(code).as(log.toString()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).endsWith(",softlabel,aquavs");
    assertThat(lines).hasSize(121);
    assertThat(log.toString()).contains("epoch 2/2 (VAE)").doesNotContain("cross-validation");
    assertThat(
            ScoreArguments.parse(
                new String[] {"--min-steps", "0", "--images", "a", "--labels", "b", "--out", "c"}))
        .extracting(ScoreArguments::latentEpochs)
        .isEqualTo(ScoreArguments.DEFAULT_LATENT_EPOCHS);
    assertThatThrownBy(
            () ->
                ScoreArguments.parse(
                    new String[] {
                      "--min-steps",
                      "0",
                      "--images",
                      "a",
                      "--labels",
                      "b",
                      "--out",
                      "c",
                      "--latent-epochs",
                      "-2"
                    }))
        .hasMessageContaining("--latent-epochs");
    assertThat(
            ScoreArguments.parse(
                new String[] {"--min-steps", "0", "--images", "a", "--labels", "b", "--out", "c"}))
        .extracting(ScoreArguments::rounds)
        .isEqualTo(1);
    assertThat(
            ScoreArguments.parse(
                new String[] {"--min-steps", "0", "--images", "a", "--labels", "b", "--out", "c"}))
        .extracting(ScoreArguments::foldEpochs)
        .isEqualTo(6);
    assertThat(
            ScoreArguments.parse(
                new String[] {
                  "--min-steps",
                  "0",
                  "--images",
                  "a",
                  "--labels",
                  "b",
                  "--out",
                  "c",
                  "--fold-epochs",
                  "3"
                }))
        .extracting(ScoreArguments::foldEpochs)
        .isEqualTo(3);
    assertThatThrownBy(
            () ->
                ScoreArguments.parse(
                    new String[] {
                      "--min-steps",
                      "0",
                      "--images",
                      "a",
                      "--labels",
                      "b",
                      "--out",
                      "c",
                      "--fold-epochs",
                      "0"
                    }))
        .hasMessageContaining("--fold-epochs");
    assertThatThrownBy(
            () ->
                ScoreArguments.parse(
                    new String[] {
                      "--min-steps",
                      "0",
                      "--images",
                      "a",
                      "--labels",
                      "b",
                      "--out",
                      "c",
                      "--rounds",
                      "4"
                    }))
        .hasMessageContaining("--rounds");
    // no --model for images: the command picks by their shape (ModelKind.defaultFor)
    assertThat(
            ScoreArguments.parse(
                new String[] {"--min-steps", "0", "--images", "a", "--labels", "b", "--out", "c"}))
        .extracting(ScoreArguments::model)
        .isNull();
    assertThat(
            ScoreArguments.parse(
                new String[] {
                  "--min-steps",
                  "0",
                  "--images",
                  "a",
                  "--labels",
                  "b",
                  "--out",
                  "c",
                  "--model",
                  "wide-cnn"
                }))
        .extracting(ScoreArguments::model)
        .isEqualTo(ModelKind.WIDE_CNN);
    assertThat(
            ScoreArguments.parse(
                new String[] {"--min-steps", "0", "--text", "t.csv", "--out", "c"}))
        .extracting(ScoreArguments::model)
        .isEqualTo(ModelKind.MLP);
    assertThatThrownBy(
            () ->
                ScoreArguments.parse(
                    new String[] {
                      "--min-steps", "0", "--text", "t.csv", "--out", "c", "--model", "wide-cnn"
                    }))
        .hasMessageContaining("--text trains the mlp");
  }
}

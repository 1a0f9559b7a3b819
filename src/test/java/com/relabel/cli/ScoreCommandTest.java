package com.relabel.cli;

import static com.relabel.cli.ScoreRuns.idxArguments;
import static com.relabel.cli.ScoreRuns.quickOnCpu;
import static com.relabel.cli.ScoreRuns.score;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless scorer on real IDX files: one row per sample, in input order. */
class ScoreCommandTest {

  @TempDir Path dir;

  @Test
  void writesOneRowPerSampleInInputOrderWithEveryMethod() throws Exception {
    LabeledImages data = TestDatasets.mnist(200);
    Path csv = dir.resolve("out/scores.csv");

    var run = scoreMnist(data, csv, "--epochs", "1", "--device", "cpu", "--batch-size", "32");

    List<String> lines = run.csv(csv, 200);
    assertThat(lines.getFirst())
        .isEqualTo(
            "index,given_label,suggested_label,score,loss,confidence,correctness,aum,cl,margin,gmm,"
                + "influence,knn,softlabel");
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
    assertThat(run.log()).contains("epoch 1/1:").contains("(cross-validation)");
  }

  @Test
  void theAumThresholdSwitchAddsTheBelowCutoffColumn() throws Exception {
    Path csv = dir.resolve("aum.csv");

    var run = scoreMnist(TestDatasets.mnist(200), csv, quickOnCpu(1, 32, "--aum-threshold"));

    List<String> lines = run.csv(csv, 200);
    assertThat(lines.getFirst()).endsWith(",softlabel,aum_below_cutoff");
    long below = 0;
    for (String line : lines.subList(1, lines.size())) {
      String last = line.substring(line.lastIndexOf(',') + 1);
      assertThat(last).isIn("true", "false");
      below += last.equals("true") ? 1 : 0;
    }
    assertThat(run.log())
        .contains("(AUM threshold pass)")
        .contains("(18 threshold samples): " + below + " samples below");
  }

  @Test
  void aBadFileIsRefusedWithItsNameAndNoCsvIsWritten() throws Exception {
    Files.write(dir.resolve("images"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
    IdxWriter.write(TestDatasets.mnist(5), dir.resolve("ok-images"), dir.resolve("labels"));
    Path csv = dir.resolve("scores.csv");

    score(
            "--images",
            dir.resolve("images").toString(),
            "--labels",
            dir.resolve("labels").toString(),
            "--out",
            csv.toString())
        .refused(csv, dir.resolve("images").toString(), "magic");
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
    Path csv = dir.resolve("aquavs.csv");

    var run = scoreMnist(TestDatasets.mnist(120), csv, quickOnCpu(1, 32, "--latent-epochs", "2"));

    List<String> lines = run.csv(csv, 120);
    assertThat(lines.getFirst()).endsWith(",softlabel,aquavs");
    assertThat(run.log()).contains("epoch 2/2 (VAE)").doesNotContain("cross-validation");
  }

  @Test
  void theArgumentsHaveTheirDefaultsAndRefuseValuesOutOfRange() {
    assertThat(idxArguments())
        .extracting(
            ScoreArguments::latentEpochs,
            ScoreArguments::rounds,
            ScoreArguments::foldEpochs,
            // no --model for images: the command picks by their shape (ModelKind.defaultFor)
            ScoreArguments::model)
        .containsExactly(ScoreArguments.DEFAULT_LATENT_EPOCHS, 1, 6, null);
    assertThat(idxArguments("--fold-epochs", "3").foldEpochs()).isEqualTo(3);
    assertThat(idxArguments("--model", "wide-cnn").model()).isEqualTo(ModelKind.WIDE_CNN);
    assertThatThrownBy(() -> idxArguments("--latent-epochs", "-2"))
        .hasMessageContaining("--latent-epochs");
    assertThatThrownBy(() -> idxArguments("--fold-epochs", "0"))
        .hasMessageContaining("--fold-epochs");
    assertThatThrownBy(() -> idxArguments("--rounds", "4")).hasMessageContaining("--rounds");
    assertThat(ScoreArguments.parse(ScoreRuns.ruleOff("--text", "t.csv", "--out", "c")).model())
        .isEqualTo(ModelKind.MLP);
    assertThatThrownBy(
            () ->
                ScoreArguments.parse(
                    ScoreRuns.ruleOff("--text", "t.csv", "--out", "c", "--model", "wide-cnn")))
        .hasMessageContaining("--text trains the mlp");
  }

  /** Scores {@code data}, written as an IDX pair, into {@code csv} with {@code options}. */
  private ScoreRuns.Run scoreMnist(LabeledImages data, Path csv, String... options)
      throws Exception {
    IdxWriter.write(data, dir.resolve("images.gz"), dir.resolve("labels"));
    String[] files = {
      "--images",
      dir.resolve("images.gz").toString(),
      "--labels",
      dir.resolve("labels").toString(),
      "--out",
      csv.toString()
    };
    return score(Stream.concat(Stream.of(files), Stream.of(options)).toArray(String[]::new));
  }
}

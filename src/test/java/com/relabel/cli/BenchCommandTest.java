package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.bench.NoiseSpec;
import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.engine.Augmentation;
import com.relabel.engine.ModelKind;
import com.relabel.flow.TestDatasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relabel bench} on IDX files: the table on stdout and in the file. */
class BenchCommandTest {

  @TempDir Path dir;

  @Test
  void benchmarksIdxFilesAndWritesCsv() throws Exception {
    LabeledImages data = TestDatasets.mnist(300);
    IdxWriter.write(data, dir.resolve("images.gz"), dir.resolve("labels"));
    Files.writeString(dir.resolve("flips.txt"), "# look-alikes\n7,1\n\n2, 7\n");
    Path csv = dir.resolve("out/results.csv");
    var log = new ByteArrayOutputStream();

    int code =
        new BenchCommand(new PrintStream(log))
            .execute(
                new String[] {
                  "--min-steps", "0",
                  "--images", dir.resolve("images.gz").toString(),
                  "--labels", dir.resolve("labels").toString(),
                  "--noise", "asymmetric",
                  "--rate", "0.4",
                  "--transitions", dir.resolve("flips.txt").toString(),
                  "--epochs", "1",
                  "--folds", "0",
                  "--device", "cpu",
                  "--batch-size", "32",
                  "--latent-epochs", "1",
                  "--out", csv.toString()
                });

    assertThat(code).as(log.toString()).isZero();
    assertThat(log.toString()).contains("| ensemble | ", "asymmetric 40% (2->7, 7->1)");
    assertThat(log.toString()).contains("| aquavs | ", "supervised VAE, 1 epochs");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo("section,name,metric,value");
    assertThat(lines).anyMatch(l -> l.startsWith("method,loss,auroc,0."));
    assertThat(lines).contains("end_to_end,clean,test_accuracy,");
  }

  @Test
  void benchmarksATextFileOnTheEncoderAndRefusesWhatTextCannotDo() throws Exception {
    Path texts = SyntheticTexts.generate(120, 3, 0, 6).writeCsv(dir.resolve("texts.csv"));
    var log = new ByteArrayOutputStream();

    int code =
        new BenchCommand(new PrintStream(log))
            .execute(
                new String[] {
                  "--min-steps",
                  "0",
                  "--text",
                  texts.toString(),
                  "--text-features",
                  "encoder",
                  "--epochs",
                  "2",
                  "--folds",
                  "0",
                  "--rounds",
                  "0",
                  "--device",
                  "cpu",
                  "--batch-size",
                  "32",
                  "--rate",
                  "0.2"
                });

    assertThat(code).as(log.toString()).isZero();
    assertThat(log.toString())
        .contains("Read 120 texts as 384 features (encoder)")
        .contains("texts.csv (encoder): 120 samples, 3 classes; noise symmetric")
        .containsPattern("\\| knn \\| [01]\\.\\d{4} \\|");
    assertThatThrownBy(
            () -> BenchArguments.parse(new String[] {"--text", "t.csv", "--model", "cnn"}))
        .hasMessage("--text trains the mlp; --model cnn needs images");
    assertThatThrownBy(
            () -> BenchArguments.parse(new String[] {"--text", "t.csv", "--noise", "instance"}))
        .hasMessageStartingWith("--noise instance copies an image model's confusions");
    assertThatThrownBy(
            () -> BenchArguments.parse(new String[] {"--text", "t.csv", "--text-features", "bag"}))
        .hasMessage("text features must be encoder, hashed or both, not 'bag'");
  }

  @Test
  void parsesDefaultsAndRefusesBadOptions() throws Exception {
    BenchArguments a = BenchArguments.parse(new String[0]);
    assertThat(a.images()).isNull();
    assertThat(a.noiseSpec()).isEqualTo(NoiseSpec.symmetric(0.2));
    assertThat(a.training().folds()).isEqualTo(4);
    assertThat(a.training().latentEpochs()).isZero();
    assertThat(a.training().model()).isEqualTo(ModelKind.CNN);
    assertThat(a.training().epochs()).isEqualTo(8);
    assertThat(a.training().rounds()).isEqualTo(1);
    assertThat(a.training().foldEpochs()).isEqualTo(6);
    assertThat(BenchArguments.parse(new String[] {"--model", "wide-cnn"}).training().model())
        .isEqualTo(ModelKind.WIDE_CNN);
    assertThat(BenchArguments.parse(new String[] {"--model", "resnet"}).training().model())
        .isEqualTo(ModelKind.RESNET);
    assertThat(a.training().augmentation()).isEqualTo(Augmentation.NONE);
    assertThat(
            BenchArguments.parse(new String[] {"--augment", "crop-mirror"})
                .training()
                .augmentation())
        .isEqualTo(Augmentation.CROP_AND_MIRROR);
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--model", "vgg"}))
        .hasMessageContaining("known models: cnn, wide-cnn, lenet, resnet, mlp");
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--augment", "rotate"}))
        .hasMessageContaining("known: none, crop, crop-mirror");
    assertThat(
            BenchArguments.parse(new String[] {"--latent-epochs", "3"}).training().latentEpochs())
        .isEqualTo(3);
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--latent-epochs", "-1"}))
        .hasMessageContaining("--latent-epochs");
    assertThat(a.evalEpochs()).isEqualTo(a.training().epochs());
    assertThat(
            BenchArguments.parse(new String[] {"--noise", "asymmetric", "--rate", "0.4"})
                .noiseSpec())
        .isEqualTo(NoiseSpec.asymmetric(0.4, Map.of(7, 1, 2, 7, 3, 8, 5, 6, 6, 5)));

    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--rate", "1.5"}))
        .hasMessageContaining("--rate");
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--folds", "1"}))
        .hasMessageContaining("--folds");
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--images", "x"}))
        .hasMessageContaining("go together");
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--noise", "pairs"}))
        .hasMessageContaining("--noise");
    Files.writeString(dir.resolve("bad.txt"), "7->1\n");
    assertThatThrownBy(() -> BenchArguments.readTransitions(dir.resolve("bad.txt")))
        .hasMessageContaining("line 1");
    assertThat(
            new BenchCommand(new PrintStream(new ByteArrayOutputStream()))
                .execute(new String[] {"--bogus", "1"}))
        .isEqualTo(2);
  }
}

package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.NpyWriter;
import com.relabel.flow.TestDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relabel score --embeddings}: the MLP learns from the team's vectors instead of the pixels
 * (decision 0044), so vectors that say each digit's true class make the suggestions right for the
 * flipped labels too; a bad file is refused with its row.
 */
class ScoreEmbeddingsCommandTest {

  @TempDir Path dir;

  @Test
  void suggestionsFollowTheVectorsAndABadFileIsNamed() throws Exception {
    LabeledImages clean = TestDatasets.mnist(200);
    int[] given = clean.labels().clone();
    for (int i = 0; i < 200; i += 10) {
      given[i] = (given[i] + 1) % 10;
    }
    IdxWriter.write(clean.withLabels(given), dir.resolve("images.gz"), dir.resolve("labels"));
    Path npy = dir.resolve("vectors.npy");
    var random = new Random(5);
    try (var w = new NpyWriter(npy, 200, 12)) {
      for (int i = 0; i < 200; i++) {
        float[] v = new float[12];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) (0.3 * random.nextGaussian()) + (j == clean.labels()[i] ? 2 : 0);
        }
        w.write(v);
      }
    }
    Path csv = dir.resolve("scores.csv");

    var run = ScoreRuns.score(args(npy, csv));

    List<String> lines = run.csv(csv, 200);
    // the suggestion is the likeliest class other than the given one: for the 20 flipped digits it
    // is their true class, and they are the 20 most suspicious samples
    int right = 0;
    Integer[] byScore = new Integer[200];
    double[] score = new double[200];
    for (int i = 0; i < 200; i++) {
      String[] f = lines.get(i + 1).split(",");
      byScore[i] = i;
      score[i] = Double.parseDouble(f[3]);
      right += i % 10 == 0 && Integer.parseInt(f[2]) == clean.labels()[i] ? 1 : 0;
    }
    java.util.Arrays.sort(byScore, (x, y) -> Double.compare(score[y], score[x]));
    long flippedOnTop = java.util.Arrays.stream(byScore, 0, 20).filter(i -> i % 10 == 0).count();
    assertThat(right).as(run.log()).isGreaterThanOrEqualTo(19);
    assertThat(flippedOnTop).isGreaterThanOrEqualTo(19);
    assertThat(run.log()).contains("Read 200 vectors of 12 numbers from vectors.npy");

    Path cut =
        Files.write(
            dir.resolve("cut.npy"), Files.readAllBytes(npy), new java.nio.file.OpenOption[0]);
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 48));
    Files.delete(csv);
    ScoreRuns.score(args(cut, csv))
        .refused(csv, "cut.npy, row 199: the file ends; the header promises 200 rows");
  }

  private String[] args(Path embeddings, Path out) {
    return new String[] {
      "--images",
      dir.resolve("images.gz").toString(),
      "--labels",
      dir.resolve("labels").toString(),
      "--embeddings",
      embeddings.toString(),
      "--out",
      out.toString(),
      "--epochs",
      "5",
      "--batch-size",
      "8",
      "--folds",
      "2",
      "--fold-epochs",
      "5",
      "--rounds",
      "0",
      "--device",
      "cpu"
    };
  }
}

package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.SyntheticTexts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relabel score --text}: a CSV of texts in, one row of scores per text out. */
class ScoreTextCommandTest {

  @TempDir Path dir;

  @Test
  void scoresEveryTextOfACsv() throws Exception {
    SyntheticTexts data = SyntheticTexts.generate(120, 3, 0.1, 4);
    Path texts = data.writeCsv(dir.resolve("texts.csv"));
    Path csv = dir.resolve("scores.csv");
    var log = new ByteArrayOutputStream();

    int code =
        new ScoreCommand(new PrintStream(log))
            .execute(
                new String[] {
                  "--min-steps",
                  "0",
                  "--text",
                  texts.toString(),
                  "--out",
                  csv.toString(),
                  "--epochs",
                  "2",
                  "--folds",
                  "0",
                  "--device",
                  "cpu",
                  "--batch-size",
                  "32"
                });

    assertThat(code).as(log.toString()).isZero();
    assertThat(log.toString())
        .contains("Read 120 texts, 3 classes (label = class index: 0 = money");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(121);
    assertThat(lines.getFirst()).startsWith("index,given_label,suggested_label,score,loss");
    // sorted class names: money = 0, space = 1, sport = 2
    String given = SyntheticTexts.topicName(data.labels()[5]);
    int index = List.of("money", "space", "sport").indexOf(given);
    assertThat(lines.get(6)).startsWith("5," + index + ",");
  }

  @Test
  void aBadTextFileIsRefusedWithItsLineAndNoCsvIsWritten() throws Exception {
    Path texts = Files.writeString(dir.resolve("t.jsonl"), "{\"text\":\"a\",\"label\":1}\n{oops\n");
    Path csv = dir.resolve("scores.csv");
    var err = new ByteArrayOutputStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(err));
    int code;
    try {
      code =
          new ScoreCommand(new PrintStream(new ByteArrayOutputStream()))
              .execute(
                  new String[] {
                    "--min-steps", "0", "--text", texts.toString(), "--out", csv.toString()
                  });
    } finally {
      System.setErr(before);
    }

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(texts + ", line 2: not valid JSON");
    assertThat(csv).doesNotExist();
  }

  @Test
  void textReplacesImagesAndLabels() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    ScoreArguments.parse(
                        new String[] {
                          "--min-steps", "0", "--text", "a.csv", "--images", "i", "--out", "o"
                        })))
        .hasMessageContaining("--text replaces --images");
  }
}

package com.relabel.cli;

import static com.relabel.cli.ScoreRuns.quickOnCpu;
import static com.relabel.cli.ScoreRuns.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.relabel.dataset.SyntheticTexts;
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

    var run = score(quickOnCpu(2, 32, "--text", texts.toString(), "--out", csv.toString()));

    List<String> lines = run.csv(csv, 120);
    assertThat(run.log()).contains("Read 120 texts, 3 classes (label = class index: 0 = money");
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

    score("--text", texts.toString(), "--out", csv.toString())
        .refused(csv, texts + ", line 2: not valid JSON");
  }

  @Test
  void textReplacesImagesAndLabels() {
    assertThat(
            catchThrowable(
                () ->
                    ScoreArguments.parse(
                        ScoreRuns.ruleOff("--text", "a.csv", "--images", "i", "--out", "o"))))
        .hasMessageContaining("--text replaces --images");
  }
}

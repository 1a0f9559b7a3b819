package com.relabel.cli;

import static com.relabel.cli.ScoreRuns.quickOnCpu;
import static com.relabel.cli.ScoreRuns.score;
import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.SyntheticTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relabel score --table}: a feature table in, one row of scores per table row out. */
class ScoreTableCommandTest {

  @TempDir Path dir;

  @Test
  void scoresEveryRowOfATable() throws Exception {
    SyntheticTable data = SyntheticTable.generate(120, 0.1, 4);
    Path table =
        Files.writeString(dir.resolve("shapes.csv"), data.csv().replace(",label,", ",kind,"));
    Path csv = dir.resolve("scores.csv");

    var run =
        score(
            quickOnCpu(
                2,
                32,
                "--table",
                table.toString(),
                "--label-column",
                "kind",
                "--id-column",
                "id",
                "--out",
                csv.toString()));

    List<String> lines = run.csv(csv, 120);
    // width and its missing flag, colour: blue, green, red, (missing), height
    assertThat(run.log())
        .contains("Read 120 rows, 2 classes (label = class index: 0 = a, 1 = b)")
        .contains("training the MLP on 7 features");
    assertThat(lines.getFirst())
        .startsWith("index,given_label,suggested_label,score,")
        .contains("knn");
    assertThat(lines.get(6)).startsWith("5," + (data.given()[5].equals("a") ? 0 : 1) + ",");
  }

  @Test
  void anUnknownLabelColumnIsRefusedByNameAndNoCsvIsWritten() throws Exception {
    Path table = SyntheticTable.generate(20, 0, 1).write(dir.resolve("shapes.csv"));
    Path csv = dir.resolve("scores.csv");

    score("--table", table.toString(), "--label-column", "class", "--out", csv.toString())
        .refused(csv, "shapes.csv, line 1: no label column 'class'");
  }
}

package com.relabel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.NoiseBenchmark.EndToEnd;
import com.relabel.bench.NoiseBenchmark.Result;
import com.relabel.engine.TrainingOptions;
import com.relabel.scoring.AumCutoff;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precision and recall of the AUM-flagged set, in both treatments of the threshold samples. */
class AumThresholdRowTest {

  // samples 0, 1 threshold samples; 0, 2, 3, 4 flipped; flagged 0, 2, 3, 5
  private static final AumCutoff CUT =
      new AumCutoff(
          -0.5,
          99,
          new boolean[] {true, true, false, false, false, false},
          new boolean[] {true, false, true, true, false, true},
          new double[] {-1, 2, -3, -2, 1, -4});
  private static final boolean[] WRONG = {true, false, true, true, true, false};

  @Test
  void judgesBothTreatmentsAgainstTheTruth() {
    AumThresholdRow row = AumThresholdRow.of(CUT, WRONG, 1.5);
    assertThat(row.thresholdSamples()).isEqualTo(2);
    assertThat(row.flagged()).isEqualTo(4);
    assertThat(row.precision()).isEqualTo(0.75);
    assertThat(row.recall()).isEqualTo(0.75);
    assertThat(row.flaggedWithoutThreshold()).isEqualTo(3);
    assertThat(row.precisionWithoutThreshold()).isEqualTo(2.0 / 3);
    assertThat(row.recallWithoutThreshold()).isEqualTo(0.5);
  }

  @Test
  void theReportShowsTheCutoffAndBothRows() {
    var result =
        new Result(
            "toy",
            6,
            2,
            "symmetric 20%",
            4,
            TrainingOptions.defaults(),
            1,
            Double.NaN,
            List.of(),
            new EndToEnd(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1),
            List.of(),
            2,
            AumThresholdRow.of(CUT, WRONG, 1.5));
    assertThat(BenchmarkTable.markdown(result))
        .contains("cut-off -0.5000, k = 4")
        .contains("| judged by the main run's AUM | 4 | 0.7500 | 0.7500 |")
        .contains("| left unflagged | 3 | 0.6667 | 0.5000 |");
    assertThat(BenchmarkTable.csv(result))
        .contains("aum_threshold,pass,cutoff,-0.500000")
        .contains("aum_threshold,unflagged,recall,0.500000");
  }
}

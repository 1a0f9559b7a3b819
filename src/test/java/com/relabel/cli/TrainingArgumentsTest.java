package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.engine.Augmentation;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.MinimumSteps;
import com.relabel.engine.ModelKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The training flags that {@code relabel score} and {@code relabel bench} share. */
class TrainingArgumentsTest {

  private static final String[] TRAINING = {
    "--epochs", "3",
    "--batch-size", "16",
    "--seed", "7",
    "--device", "cpu",
    "--folds", "3",
    "--fold-epochs", "2",
    "--latent-epochs", "4",
    "--rounds", "2",
    "--model", "lenet",
    "--augment", "crop",
    "--min-steps", "50",
    "--aum-threshold"
  };

  @Test
  void scoreAndBenchReadEveryTrainingFlagTheSameWay() {
    TrainingArguments expected =
        new TrainingArguments(
            3,
            16,
            7,
            DeviceChoice.CPU,
            3,
            2,
            true,
            4,
            2,
            ModelKind.LENET,
            Augmentation.CROP,
            new MinimumSteps(50));
    String[] score =
        Stream.concat(
                Stream.of("--images", "a", "--labels", "b", "--out", "c"), Stream.of(TRAINING))
            .toArray(String[]::new);

    assertThat(ScoreArguments.parse(score).training()).isEqualTo(expected);
    assertThat(BenchArguments.parse(TRAINING).training()).isEqualTo(expected);
  }

  @Test
  void bothRefuseOneFoldAndNegativeCountsButOnlyScoreHasUpperLimits() {
    assertThatThrownBy(() -> BenchArguments.parse(new String[] {"--folds", "1"}))
        .hasMessageContaining("--folds must be 0");
    assertThatThrownBy(() -> ScoreRuns.idxArguments("--folds", "1"))
        .hasMessageContaining("--folds must be 0");
    assertThatThrownBy(() -> ScoreRuns.idxArguments("--rounds", "-1"))
        .hasMessageContaining("--rounds must be an integer >= 0");
    assertThatThrownBy(() -> ScoreRuns.idxArguments("--folds", "21"))
        .hasMessageContaining("--folds must be 0 (off) or 2 to 20, not 21");
    assertThat(BenchArguments.parse(new String[] {"--folds", "21", "--rounds", "4"}).training())
        .extracting(TrainingArguments::folds, TrainingArguments::rounds)
        .containsExactly(21, 4);
  }
}

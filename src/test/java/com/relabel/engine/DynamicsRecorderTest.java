package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.relabel.scoring.TrainingDynamics;
import org.junit.jupiter.api.Test;

class DynamicsRecorderTest {

  @Test
  void derivesProbabilityMarginLossAndPredictionFromLogits() {
    DynamicsRecorder recorder = new DynamicsRecorder(new int[] {0, 2, 1}, 3, 2);
    float[] logits = {2, 1, 0, 2, 1, 0, 1000, 0, 0};

    recorder.record(0, 0, 3, logits, null);
    recorder.record(1, 0, 2, new float[] {0, 0, 0, 0, 0, 0}, new float[] {1, 2, 3, 4});
    recorder.record(1, 2, 1, new float[] {0, 0, 0}, new float[] {5, 6});
    TrainingDynamics d = recorder.toDynamics();

    double expected = Math.exp(2) / (Math.exp(2) + Math.exp(1) + 1);
    assertThat(d.probGiven()[0][0]).isCloseTo((float) expected, within(1e-6f));
    assertThat(d.loss()[0][0]).isCloseTo((float) -Math.log(expected), within(1e-6f));
    assertThat(d.margin()[0]).containsExactly(1f, -2f, -1000f);
    assertThat(d.predicted()[0]).containsExactly(0, 0, 0);
    assertThat(d.probGiven()[0][2]).isZero();
    assertThat(d.loss()[0][2]).isCloseTo(1000f, within(1e-3f));
    assertThat(d.finalProbabilities()[1]).containsExactly(1 / 3f, 1 / 3f, 1 / 3f);
    assertThat(d.embeddings()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}, {5, 6}});
  }

  @Test
  void keepsProgressiveSoftTargetsAndEmbeddingNormsOfEveryEpoch() {
    DynamicsRecorder recorder = new DynamicsRecorder(new int[] {0, 1}, 2, 2, 0.5f);
    float big = 1000;

    recorder.record(0, 0, 2, new float[] {0, big, 0, big}, null, new float[] {1, 2});
    recorder.record(1, 0, 2, new float[] {0, big, 0, big}, new float[] {3, 4});
    TrainingDynamics d = recorder.toDynamics();

    // one-hot, then twice t <- 0.5 t + 0.5 p with p = (0, 1)
    assertThat(d.softTargets()[0][0]).isCloseTo(0.25f, within(1e-6f));
    assertThat(d.softTargets()[0][1]).isCloseTo(0.75f, within(1e-6f));
    assertThat(d.softTargets()[1]).containsExactly(0f, 1f);
    assertThat(d.embeddingNormsSquared()[0]).containsExactly(1f, 2f);
    assertThat(d.embeddingNormsSquared()[1]).containsExactly(9f, 16f);
    assertThat(d.heldOutProbabilities()).isNull();
  }

  @Test
  void leavesNormsOutWhenAnEpochHadNone() {
    DynamicsRecorder recorder = new DynamicsRecorder(new int[] {0}, 2, 2);

    recorder.record(0, 0, 1, new float[] {1, 0}, null);
    recorder.record(1, 0, 1, new float[] {1, 0}, new float[] {2});

    assertThat(recorder.toDynamics().embeddingNormsSquared()).isNull();
    assertThat(recorder.toDynamics().softTargets()[0][0]).isGreaterThan(0.7f);
  }
}

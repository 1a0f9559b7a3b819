package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseInjectorTest {

  private static final int CLASSES = 10;
  private static final int[] LABELS = randomLabels(1_000, 3);

  @Test
  void symmetricFlipsExactlyTheRoundedShare() {
    assertThat(NoiseInjector.symmetric(LABELS, CLASSES, 0.2, 1).flippedCount()).isEqualTo(200);
    assertThat(NoiseInjector.symmetric(new int[] {0, 1, 2}, 3, 0.5, 1).flippedCount()).isEqualTo(2);
    assertThat(NoiseInjector.symmetric(LABELS, CLASSES, 0, 1).noisy()).containsExactly(LABELS);
    assertThat(NoiseInjector.symmetric(LABELS, CLASSES, 1, 1).flippedCount()).isEqualTo(1_000);
  }

  @Test
  void symmetricFlipsToAnotherClassAndFlagsExactlyTheChangedLabels() {
    NoisyLabels noise = NoiseInjector.symmetric(LABELS, CLASSES, 0.4, 5);

    for (int i = 0; i < LABELS.length; i++) {
      assertThat(noise.flipped()[i]).isEqualTo(noise.noisy()[i] != LABELS[i]);
      assertThat(noise.noisy()[i]).isBetween(0, CLASSES - 1);
    }
  }

  @Test
  void symmetricReachesEveryOtherClass() {
    NoisyLabels noise = NoiseInjector.symmetric(new int[2_000], CLASSES, 1, 9);

    assertThat(noise.noisy()).doesNotContain(0).contains(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void isDeterministicForASeedAndDiffersAcrossSeeds() {
    NoisyLabels first = NoiseInjector.symmetric(LABELS, CLASSES, 0.1, 42);
    NoisyLabels again = NoiseInjector.symmetric(LABELS, CLASSES, 0.1, 42);
    NoisyLabels other = NoiseInjector.symmetric(LABELS, CLASSES, 0.1, 43);

    assertThat(again.noisy()).containsExactly(first.noisy());
    assertThat(again.flipped()).containsExactly(first.flipped());
    assertThat(other.flipped()).isNotEqualTo(first.flipped());
  }

  @Test
  void doesNotModifyTheCleanLabels() {
    int[] labels = LABELS.clone();

    NoiseInjector.symmetric(labels, CLASSES, 0.5, 1);
    NoiseInjector.asymmetric(labels, CLASSES, Map.of(7, 1), 0.5, 1);

    assertThat(labels).containsExactly(LABELS);
  }

  @Test
  void asymmetricFlipsTheRoundedShareOfEachSourceClassToItsTarget() {
    int[] labels = {5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 7, 7};

    NoisyLabels noise = NoiseInjector.asymmetric(labels, CLASSES, Map.of(5, 6, 6, 5), 0.5, 11);

    int fivesToSix = 0;
    int sixesToFive = 0;
    for (int i = 0; i < labels.length; i++) {
      fivesToSix += labels[i] == 5 && noise.noisy()[i] == 6 ? 1 : 0;
      sixesToFive += labels[i] == 6 && noise.noisy()[i] == 5 ? 1 : 0;
    }
    assertThat(fivesToSix).isEqualTo(2);
    assertThat(sixesToFive).isEqualTo(3);
    assertThat(noise.flippedCount()).isEqualTo(5);
    assertThat(noise.noisy()[10]).isEqualTo(7);
    assertThat(noise.noisy()[11]).isEqualTo(7);
  }

  @Test
  void asymmetricIsDeterministicForASeed() {
    Map<Integer, Integer> mnistLookAlikes = Map.of(7, 1, 2, 7, 3, 8, 5, 6, 6, 5);

    NoisyLabels first = NoiseInjector.asymmetric(LABELS, CLASSES, mnistLookAlikes, 0.4, 3);
    NoisyLabels again = NoiseInjector.asymmetric(LABELS, CLASSES, mnistLookAlikes, 0.4, 3);

    assertThat(again.noisy()).containsExactly(first.noisy());
  }

  @Test
  void rejectsInvalidArgumentsWithClearMessages() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NoiseInjector.symmetric(LABELS, CLASSES, 1.5, 1))
        .withMessage("noise rate must be in [0, 1], was 1.5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NoiseInjector.symmetric(LABELS, CLASSES, Double.NaN, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NoiseInjector.symmetric(new int[] {0}, 1, 0.1, 1))
        .withMessage("noise needs at least 2 classes, got 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NoiseInjector.symmetric(new int[] {0, 3}, 3, 0.1, 1))
        .withMessage("label 3 of sample 1 is outside [0, 3)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NoiseInjector.asymmetric(LABELS, CLASSES, Map.of(4, 4), 0.1, 1))
        .withMessage("class 4 cannot flip to itself");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NoiseInjector.asymmetric(LABELS, CLASSES, Map.of(4, 10), 0.1, 1))
        .withMessage("target class 10 is outside [0, 10)");
  }

  private static int[] randomLabels(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(CLASSES);
    }
    return labels;
  }

  @Test
  void instanceDependentFlipsWhatTheWeakModelConfusesToTheClassItConfusesItWith() {
    int n = 1_000;
    int[] labels = new int[n];
    float[][] weak = new float[n][];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      // the first half is ambiguous (40% on the next class), the second half clear (1%)
      float other = i < n / 2 ? 0.4f : 0.01f;
      weak[i] = new float[3];
      weak[i][labels[i]] = 1 - other - 0.005f;
      weak[i][(labels[i] + 1) % 3] = other;
      weak[i][(labels[i] + 2) % 3] = 0.005f;
    }

    NoisyLabels noise = NoiseInjector.instanceDependent(labels, 3, weak, 0.2, 11);

    assertThat(noise.flippedCount()).isEqualTo(200);
    int ambiguousFlips = 0;
    for (int i = 0; i < n; i++) {
      if (noise.flipped()[i]) {
        assertThat(noise.noisy()[i]).isEqualTo((labels[i] + 1) % 3);
        ambiguousFlips += i < n / 2 ? 1 : 0;
      } else {
        assertThat(noise.noisy()[i]).isEqualTo(labels[i]);
      }
    }
    // weights 0.405 against 0.015: nearly every flip lands on an ambiguous sample (189 here)
    assertThat(ambiguousFlips).isGreaterThan(180);
    assertThat(NoiseInjector.instanceDependent(labels, 3, weak, 0.2, 11).noisy())
        .containsExactly(noise.noisy());
    assertThat(NoiseInjector.instanceDependent(labels, 3, weak, 0.2, 12).noisy())
        .isNotEqualTo(noise.noisy());
  }

  @Test
  void instanceDependentRefusesProbabilitiesOfTheWrongShape() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                NoiseInjector.instanceDependent(
                    new int[] {0, 1}, 2, new float[][] {{1, 0}}, 0.5, 1))
        .withMessageContaining("1 probability rows for 2 labels");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                NoiseInjector.instanceDependent(
                    new int[] {0, 1}, 2, new float[][] {{1, 0}, {1, 0, 0}}, 0.5, 1))
        .withMessageContaining("sample 1 has 3 probabilities, expected 2");
  }
}

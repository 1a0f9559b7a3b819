package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

  private static int[] labels(int perClass, int classes) {
    int[] out = new int[perClass * classes];
    for (int i = 0; i < out.length; i++) {
      out[i] = i % classes;
    }
    return out;
  }

  @Test
  void holdsOutTheFractionOfEveryClassReproducibly() {
    int[] labels = labels(100, 10);
    HeldOutSplit split = HeldOutSplit.stratified(labels, 10, 0.1, 42);

    assertThat(split.count()).isEqualTo(100);
    int[] perClass = new int[10];
    for (int p : split.positions()) {
      perClass[labels[p]]++;
    }
    assertThat(perClass).containsOnly(10);
    assertThat(split.positions()).isSorted().doesNotHaveDuplicates();
    assertThat(HeldOutSplit.stratified(labels, 10, 0.1, 42).positions())
        .isEqualTo(split.positions());
    assertThat(HeldOutSplit.stratified(labels, 10, 0.1, 43).positions())
        .isNotEqualTo(split.positions());
  }

  @Test
  void trainingPositionsAreTheRest() {
    HeldOutSplit split = HeldOutSplit.stratified(labels(10, 2), 2, 0.2, 1);
    int[] train = split.trainingPositions(20);
    assertThat(train).hasSize(16);
    int[] all = new int[20];
    System.arraycopy(train, 0, all, 0, 16);
    System.arraycopy(split.positions(), 0, all, 16, 4);
    Arrays.sort(all);
    for (int i = 0; i < 20; i++) {
      assertThat(all[i]).isEqualTo(i);
    }
  }

  @Test
  void zeroDisablesItAndEveryClassKeepsASampleToTrainOn() {
    assertThat(HeldOutSplit.stratified(labels(10, 3), 3, 0, 1).isEmpty()).isTrue();
    // a class of one sample is never held out entirely
    HeldOutSplit split = HeldOutSplit.stratified(new int[] {0, 1, 1}, 2, 0.5, 1);
    assertThat(split.positions()).containsExactly(split.positions()[0]);
    assertThat(split.positions()[0]).isIn(1, 2);
  }

  @Test
  void theTrainerRefusesToHoldOutEverySample() {
    var data = com.relabel.flow.TestDatasets.mnist(3);
    assertThatThrownBy(
            () ->
                new ImageClassifierTrainer()
                    .train(
                        new SplitImages(data, new HeldOutSplit(new int[] {2, 0, 1})),
                        TrainingOptions.builder().device(DeviceChoice.CPU).build(),
                        TrainingProgress.none()))
        .hasMessageContaining("every sample is held out");
  }

  @Test
  void refusesAHeldOutPositionOutsideTheData() {
    var data = com.relabel.flow.TestDatasets.mnist(3);
    assertThatThrownBy(() -> new SplitImages(data, new HeldOutSplit(new int[] {0, 5})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("held-out position 5 is outside the 3 samples");
  }

  @Test
  void refusesAFractionOutsideZeroToAHalf() {
    assertThatThrownBy(() -> HeldOutSplit.stratified(labels(2, 2), 2, 0.6, 1))
        .hasMessageContaining("between 0 and 0.5");
    assertThatThrownBy(() -> HeldOutSplit.stratified(labels(2, 2), 2, -0.1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plusAddsTheMarkedSamplesOnce() {
    HeldOutSplit split =
        new HeldOutSplit(new int[] {4, 1}).plus(new boolean[] {true, true, false, false, false});
    assertThat(split.positions()).containsExactly(0, 1, 4);
  }
}

package com.relabel.scoring;

/**
 * Labels after noise injection, with the ground truth of which ones were changed.
 *
 * @param noisy the corrupted labels, one per sample
 * @param flipped {@code true} where {@code noisy[i]} differs from the clean label
 */
public record NoisyLabels(int[] noisy, boolean[] flipped) {

  /** Checks that there is one flag per label. */
  public NoisyLabels {
    if (noisy.length != flipped.length) {
      throw new IllegalArgumentException("one flipped flag per label expected");
    }
  }

  /** The number of flipped samples. */
  public int flippedCount() {
    int count = 0;
    for (boolean isFlipped : flipped) {
      count += isFlipped ? 1 : 0;
    }
    return count;
  }
}
